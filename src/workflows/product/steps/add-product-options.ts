import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService } from "../../../modules/product/index.ts"

/** An option of a product as an update names it: by id or title, with the values it must offer. */
export type ProductOptionUpsert = { id?: string; title?: string; values?: string[] }

export type AddProductOptionsStepInput = { product_id: string; options: ProductOptionUpsert[] }[]

type CurrentOption = { id: string; title: string; product_id: string; values: { value: string }[] }

type Added = { optionIds: string[]; valueIds: string[] }

export const addProductOptionsStepId = "add-product-options-step"

/**
 * Gives products the options and values they are missing: an option named by a title the product
 * does not have yet is created with its values, an existing one (by id or title) gains the values it
 * lacks. Options and values left out are kept. Its compensation deletes what it added.
 */
export const addProductOptionsStep = createStep(
  addProductOptionsStepId,
  async (input: AddProductOptionsStepInput, { container }) => {
    const wanted = input.filter((entry) => entry.options.length > 0)
    if (wanted.length === 0) return new StepResponse<Added, Added>({ optionIds: [], valueIds: [] }, { optionIds: [], valueIds: [] })
    const { data: current } = await container.resolve<Query>("query").graph<CurrentOption>({
      entity: "product_option",
      fields: ["id", "title", "product_id", "values.value"],
      filters: { product_id: wanted.map((entry) => entry.product_id) },
    })
    const newOptions: { product_id: string; title: string; values: { value: string }[] }[] = []
    const newValues: { option_id: string; value: string }[] = []
    for (const { product_id, options } of wanted) {
      for (const [index, option] of options.entries()) {
        const existing = current.find(
          (candidate) => candidate.product_id === product_id && (option.id !== undefined ? candidate.id === option.id : candidate.title === option.title),
        )
        const values = [...new Set(option.values ?? [])]
        if (existing) {
          const known = new Set(existing.values.map((value) => value.value))
          newValues.push(...values.filter((value) => !known.has(value)).map((value) => ({ option_id: existing.id, value })))
          continue
        }
        if (option.id !== undefined) throw invalid(`options.${index}: product ${product_id} has no option ${option.id}`)
        if (!option.title) throw invalid(`options.${index}: a new option needs a title`)
        if (values.length === 0) throw invalid(`options.${index}: option "${option.title}" needs at least one value in values`)
        newOptions.push({ product_id, title: option.title, values: values.map((value) => ({ value })) })
      }
    }
    const service = container.resolve<ProductModuleService>(PRODUCT_MODULE)
    const createdOptions = newOptions.length === 0 ? [] : await service.createProductOptions(newOptions)
    const createdValues = newValues.length === 0 ? [] : await service.createProductOptionValues(newValues)
    const added = {
      optionIds: createdOptions.map((option) => option.id),
      valueIds: [...createdValues, ...createdOptions.flatMap((option) => option.values ?? [])].map((value) => value.id),
    }
    return new StepResponse(added, added)
  },
  async (added, { container }) => {
    if (!added || (added.optionIds.length === 0 && added.valueIds.length === 0)) return
    const service = container.resolve<ProductModuleService>(PRODUCT_MODULE)
    await service.deleteProductOptionValues(added.valueIds)
    await service.deleteProductOptions(added.optionIds)
  },
)

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
