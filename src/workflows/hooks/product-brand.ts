import { AgoraError } from "../../framework/errors/index.ts"
import type { LinkInput, LinkService } from "../../framework/modules/index.ts"
import { StepResponse } from "../../framework/workflows-sdk/index.ts"
import { BRAND_MODULE } from "../../modules/brand/index.ts"
import type { BrandModuleService } from "../../modules/brand/index.ts"
import { createProductsWorkflow } from "../product/workflows/create-products.ts"

/*
 * A core flow extended without touching it: `POST /admin/products` with
 * `additional_data: { brand_id }` links each new product to that brand. An unknown brand fails the
 * hook, and so the whole creation: the products, their prices and inventory are rolled back.
 * The app imports every file under src/workflows at start, which registers this handler.
 */
createProductsWorkflow.hooks.productsCreated(
  async ({ products, additional_data }, { container }) => {
    const brandId = additional_data?.brand_id
    if (brandId === undefined || brandId === null) return new StepResponse<LinkInput[]>([])
    if (typeof brandId !== "string" || brandId === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `additional_data.brand_id must be a brand id, got ${JSON.stringify(brandId)}`)
    }
    const [brand] = await container.resolve<BrandModuleService>(BRAND_MODULE).listBrands({ id: brandId }, { select: ["id"] })
    if (!brand) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Brand ${brandId} (additional_data.brand_id) was not found`)
    const links = products.map((product) => ({ product: { product_id: product.id }, brand: { brand_id: brandId } }))
    await container.resolve<LinkService>("link").create(links)
    return new StepResponse(links)
  },
  async (links, { container }) => {
    if (!links || links.length === 0) return
    await container.resolve<LinkService>("link").dismiss(links)
  },
)
