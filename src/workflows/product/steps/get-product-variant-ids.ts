import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService } from "../../../modules/product/index.ts"

export const getProductVariantIdsStepId = "get-product-variant-ids-step"

/** The ids of the live variants of products. */
export const getProductVariantIdsStep = createStep({ name: getProductVariantIdsStepId, readOnly: true }, async (productIds: string[], { container }) => {
  if (productIds.length === 0) return new StepResponse<string[]>([])
  const variants = await container
    .resolve<ProductModuleService>(PRODUCT_MODULE)
    .listProductVariants({ product_id: productIds }, { select: ["id"] })
  return new StepResponse(variants.map((variant) => variant.id))
})
