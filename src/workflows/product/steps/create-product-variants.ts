import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { CreateVariantInput, ProductModuleService, ProductVariantRow } from "../../../modules/product/index.ts"

export const createProductVariantsStepId = "create-product-variants-step"

/** Adds variants to existing products; its compensation deletes them. */
export const createProductVariantsStep = createStep(
  createProductVariantsStepId,
  async (variants: CreateVariantInput[], { container }) => {
    if (variants.length === 0) return new StepResponse<ProductVariantRow[], string[]>([], [])
    const created = await container.resolve<ProductModuleService>(PRODUCT_MODULE).createProductVariants(variants)
    return new StepResponse(
      created,
      created.map((variant) => variant.id),
    )
  },
  async (variantIds, { container }) => {
    if (!variantIds || variantIds.length === 0) return
    await container.resolve<ProductModuleService>(PRODUCT_MODULE).deleteProductVariants(variantIds)
  },
)
