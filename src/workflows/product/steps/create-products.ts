import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { CreateProductInput, ProductModuleService, ProductRow } from "../../../modules/product/index.ts"

export const createProductsStepId = "create-products-step"

/** Creates products with their options and variants in one transaction; its compensation deletes them. */
export const createProductsStep = createStep(
  createProductsStepId,
  async (products: CreateProductInput[], { container }) => {
    if (products.length === 0) return new StepResponse<ProductRow[], string[]>([], [])
    const created = await container.resolve<ProductModuleService>(PRODUCT_MODULE).createProducts(products)
    return new StepResponse(
      created,
      created.map((product) => product.id),
    )
  },
  async (productIds, { container }) => {
    if (!productIds || productIds.length === 0) return
    await container.resolve<ProductModuleService>(PRODUCT_MODULE).deleteProducts(productIds)
  },
)
