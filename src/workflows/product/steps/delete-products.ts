import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService } from "../../../modules/product/index.ts"

export const deleteProductsStepId = "delete-products-step"

/**
 * Soft-deletes products with their options and variants. Their links go with them, and the variants'
 * price sets with those links. Unknown or already deleted ids are skipped.
 * Returns the ids it deleted; its compensation restores exactly those, with all that went with them.
 */
export const deleteProductsStep = createStep(
  deleteProductsStepId,
  async (productIds: string[], { container }) => {
    const service = container.resolve<ProductModuleService>(PRODUCT_MODULE)
    // Only live products: restoring one deleted before this run would bring it back.
    const live = productIds.length === 0 ? [] : (await service.listProducts({ id: productIds }, { select: ["id"] })).map((p) => p.id)
    await service.softDeleteProducts(live)
    return new StepResponse(live)
  },
  async (productIds, { container }) => {
    if (!productIds || productIds.length === 0) return
    await container.resolve<ProductModuleService>(PRODUCT_MODULE).restoreProducts(productIds)
  },
)
