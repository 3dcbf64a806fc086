import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService } from "../../../modules/product/index.ts"
import type { CreateProductVariantWorkflowInput, UpdateProductVariantWorkflowFields, VariantWorkflowInput } from "../types.ts"

/** A variant in a product's new list: with `id`, changes to that variant; without, a variant to add. */
export type ProductVariantUpsert = (UpdateProductVariantWorkflowFields & { id: string }) | (VariantWorkflowInput & { id?: undefined })

export type PlanProductVariantsStepInput = {
  product_id: string
  /** The product's whole list of variants; undefined leaves the variants alone. */
  variants?: ProductVariantUpsert[] | undefined
}

/** What turns a product's variants into a given list. */
export type ProductVariantsPlan = {
  delete: string[]
  update: (UpdateProductVariantWorkflowFields & { id: string })[]
  create: CreateProductVariantWorkflowInput[]
}

export const planProductVariantsStepId = "plan-product-variants-step"

/**
 * Compares a product's live variants with the list an update gives: variants left out are to be
 * deleted, those named by id changed, the others added. An id that is not one of the product's
 * variants is refused (invalid_data). Reads only.
 */
export const planProductVariantsStep = createStep({ name: planProductVariantsStepId, readOnly: true }, async (input: PlanProductVariantsStepInput, { container }) => {
  if (input.variants === undefined) return new StepResponse<ProductVariantsPlan>({ delete: [], update: [], create: [] })
  const current = await container
    .resolve<ProductModuleService>(PRODUCT_MODULE)
    .listProductVariants({ product_id: input.product_id }, { select: ["id"] })
  const currentIds = new Set(current.map((variant) => variant.id))
  const plan: ProductVariantsPlan = { delete: [], update: [], create: [] }
  const kept = new Set<string>()
  for (const [index, variant] of input.variants.entries()) {
    if (variant.id === undefined) {
      plan.create.push({ ...variant, product_id: input.product_id })
      continue
    }
    if (!currentIds.has(variant.id)) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `variants.${index}.id: ${variant.id} is not a variant of product ${input.product_id}`)
    }
    if (kept.has(variant.id)) throw new AgoraError(AgoraError.Types.INVALID_DATA, `variants.${index}.id: variant ${variant.id} is given twice`)
    kept.add(variant.id)
    plan.update.push(variant)
  }
  plan.delete = [...currentIds].filter((id) => !kept.has(id))
  return new StepResponse(plan)
})
