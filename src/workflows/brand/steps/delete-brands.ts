import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { BRAND_MODULE } from "../../../modules/brand/index.ts"
import type { BrandModuleService } from "../../../modules/brand/index.ts"

export const deleteBrandsStepId = "delete-brands-step"

/**
 * Soft-deletes brands (their product links go with them); its compensation restores the brands it
 * deleted, links included. Returns the ids of the brands that existed.
 */
export const deleteBrandsStep = createStep(
  deleteBrandsStepId,
  async (ids: string[], { container }) => {
    const brands = container.resolve<BrandModuleService>(BRAND_MODULE)
    const existing = ids.length === 0 ? [] : (await brands.listBrands({ id: ids }, { select: ["id"] })).map((brand) => brand.id)
    await brands.softDeleteBrands(existing)
    return new StepResponse(existing)
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<BrandModuleService>(BRAND_MODULE).restoreBrands(ids)
  },
)
