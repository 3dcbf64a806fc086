import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { BRAND_MODULE } from "../../../modules/brand/index.ts"
import type { BrandModuleService } from "../../../modules/brand/index.ts"

export type CreateBrandStepInput = { name: string; description?: string | null }

export const createBrandStepId = "create-brand-step"

/** Creates a brand; its compensation deletes it. */
export const createBrandStep = createStep(
  createBrandStepId,
  async (input: CreateBrandStepInput, { container }) => {
    const brand = await container.resolve<BrandModuleService>(BRAND_MODULE).createBrands(input)
    return new StepResponse(brand, brand.id)
  },
  async (brandId, { container }) => {
    if (!brandId) return // the step failed before it created anything
    await container.resolve<BrandModuleService>(BRAND_MODULE).deleteBrands(brandId)
  },
)
