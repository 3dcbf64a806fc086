import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService } from "../../../modules/product/index.ts"

export const deleteProductVariantsStepId = "delete-product-variants-step"

/**
 * Soft-deletes variants; their links go with them, and their price sets with those links. Unknown or
 * already deleted ids are skipped. Returns the ids it deleted; its compensation restores exactly those.
 */
export const deleteProductVariantsStep = createStep(
  deleteProductVariantsStepId,
  async (variantIds: string[], { container }) => {
    const service = container.resolve<ProductModuleService>(PRODUCT_MODULE)
    // Only live variants: restoring one deleted before this run would bring it back.
    const live = variantIds.length === 0 ? [] : (await service.listProductVariants({ id: variantIds }, { select: ["id"] })).map((v) => v.id)
    await service.softDeleteProductVariants(live)
    return new StepResponse(live)
  },
  async (variantIds, { container }) => {
    if (!variantIds || variantIds.length === 0) return
    await container.resolve<ProductModuleService>(PRODUCT_MODULE).restoreProductVariants(variantIds)
  },
)
