import { AgoraError } from "../../../framework/errors/index.ts"
import type { Filters } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService, ProductRow, UpdateProductInput } from "../../../modules/product/index.ts"

/** Products to change: each by id with its changes, or every product a selector matches with the same changes. */
export type UpdateProductsStepInput =
  | { products: UpdateProductInput[] }
  | { selector: Filters<ProductRow>; update: Omit<UpdateProductInput, "id"> }

export const updateProductsStepId = "update-products-step"

/** Changes product columns; its compensation puts back the values it replaced. */
export const updateProductsStep = createStep(
  updateProductsStepId,
  async (input: UpdateProductsStepInput, { container }) => {
    const service = container.resolve<ProductModuleService>(PRODUCT_MODULE)
    const changes =
      "products" in input
        ? input.products
        : (await service.listProducts(input.selector, { select: ["id"] })).map((product) => ({ ...input.update, id: product.id }))
    if (changes.length === 0) return new StepResponse<ProductRow[], UpdateProductInput[]>([], [])
    const current = new Map((await service.listProducts({ id: changes.map((change) => change.id) })).map((row) => [row.id, row]))
    const previous = changes.map(({ id, ...fields }) => {
      const product = current.get(id)
      if (!product) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Product ${id} was not found`)
      return { id, ...Object.fromEntries(Object.keys(fields).map((key) => [key, product[key as keyof ProductRow]])) }
    })
    const updated = await service.updateProducts(changes)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<ProductModuleService>(PRODUCT_MODULE).updateProducts(previous)
  },
)
