import { AgoraError } from "../../../framework/errors/index.ts"
import type { Filters } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { BRAND_MODULE } from "../../../modules/brand/index.ts"
import type { BrandModuleService } from "../../../modules/brand/index.ts"

type Brand = Awaited<ReturnType<BrandModuleService["retrieveBrand"]>>
type BrandChanges = { name?: string; description?: string | null }

/** Brands to change: each by id with its changes, or every brand a selector matches with the same changes. */
export type UpdateBrandsStepInput = { brands: (BrandChanges & { id: string })[] } | { selector: Filters<Brand>; update: BrandChanges }

type Previous = (BrandChanges & { id: string })[]

export const updateBrandsStepId = "update-brands-step"

/** Changes brands; its compensation puts back the values it replaced. */
export const updateBrandsStep = createStep(
  updateBrandsStepId,
  async (input: UpdateBrandsStepInput, { container }) => {
    const brands = container.resolve<BrandModuleService>(BRAND_MODULE)
    const changes =
      "brands" in input
        ? input.brands
        : (await brands.listBrands(input.selector, { select: ["id"] })).map((brand) => ({ ...input.update, id: brand.id }))
    if (changes.length === 0) return new StepResponse<Brand[], Previous>([], [])
    const current = await brands.listBrands({ id: changes.map((change) => change.id) })
    const previous = changes.map(({ id, ...fields }) => {
      const brand = current.find((row) => row.id === id)
      if (!brand) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Brand ${id} was not found`)
      return { id, ...Object.fromEntries(Object.keys(fields).map((key) => [key, brand[key as keyof BrandChanges]])) }
    })
    const updated = await brands.updateBrands(changes)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<BrandModuleService>(BRAND_MODULE).updateBrands(previous)
  },
)
