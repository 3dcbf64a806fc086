import { AgoraError } from "../../../framework/errors/index.ts"
import type { Filters, Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService, ProductVariantRow, UpdateProductVariantInput, VariantOptionChoice } from "../../../modules/product/index.ts"

/** Variants to change: each by id with its changes, or every variant a selector matches with the same changes. */
export type UpdateProductVariantsStepInput =
  | { product_variants: UpdateProductVariantInput[] }
  | { selector: Filters<ProductVariantRow>; update: Omit<UpdateProductVariantInput, "id"> }

type VariantOptions = { id: string; options: { value: string; option: { title: string } | null }[] }

export const updateProductVariantsStepId = "update-product-variants-step"

/** Changes variant columns and option values; its compensation puts back what it replaced. */
export const updateProductVariantsStep = createStep(
  updateProductVariantsStepId,
  async (input: UpdateProductVariantsStepInput, { container }) => {
    const service = container.resolve<ProductModuleService>(PRODUCT_MODULE)
    const changes =
      "product_variants" in input
        ? input.product_variants
        : (await service.listProductVariants(input.selector, { select: ["id"] })).map((variant) => ({ ...input.update, id: variant.id }))
    if (changes.length === 0) return new StepResponse<ProductVariantRow[], UpdateProductVariantInput[]>([], [])
    const ids = changes.map((change) => change.id)
    const current = new Map((await service.listProductVariants({ id: ids })).map((row) => [row.id, row]))
    const options = await optionChoices(container.resolve<Query>("query"), changes.filter((change) => change.options !== undefined))
    const previous = changes.map(({ id, options: newOptions, ...fields }) => {
      const variant = current.get(id)
      if (!variant) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Product variant ${id} was not found`)
      const columns = Object.fromEntries(Object.keys(fields).map((key) => [key, variant[key as keyof ProductVariantRow]]))
      return newOptions === undefined ? { id, ...columns } : { id, ...columns, options: options.get(id) ?? {} }
    })
    const updated = await service.updateProductVariants(changes)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<ProductModuleService>(PRODUCT_MODULE).updateProductVariants(previous)
  },
)

/** Each variant's option values as `{ [option title]: value }`, the shape an update takes. */
async function optionChoices(query: Query, variants: { id: string }[]): Promise<Map<string, VariantOptionChoice>> {
  if (variants.length === 0) return new Map()
  const { data } = await query.graph<VariantOptions>({
    entity: "product_variant",
    fields: ["id", "options.value", "options.option.title"],
    filters: { id: variants.map((variant) => variant.id) },
  })
  return new Map(
    data.map((variant) => [variant.id, Object.fromEntries(variant.options.map((value) => [value.option?.title ?? "", value.value]))]),
  )
}
