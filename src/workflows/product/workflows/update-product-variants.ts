import type { Filters } from "../../../framework/modules/index.ts"
import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { PriceWithRules } from "../../../modules/pricing/index.ts"
import type { ProductVariantRow } from "../../../modules/product/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ProductVariantEvents } from "../events.ts"
import { updateProductVariantsStep } from "../steps/update-product-variants.ts"
import type { UpdateProductVariantsStepInput } from "../steps/update-product-variants.ts"
import { upsertVariantPricesStep } from "../steps/upsert-variant-prices.ts"
import type { AdditionalData, UpdateProductVariantWorkflowFields } from "../types.ts"

export type UpdateProductVariantsWorkflowInput = (
  | { product_variants: (UpdateProductVariantWorkflowFields & { id: string })[] }
  | { selector: Filters<ProductVariantRow>; update: UpdateProductVariantWorkflowFields }
) &
  AdditionalData

/** An updated variant; with `prices` (its whole new list) when they were given. */
export type UpdatedVariant = ProductVariantRow & { prices?: PriceWithRules[] }

export const updateProductVariantsWorkflowId = "update-product-variants"

/**
 * Changes variants, each by id (`product_variants`) or all that `selector` matches (`update`); `prices`
 * replaces a variant's prices in its price set. `productVariantsUpdated` receives the variants and
 * `additional_data`.
 */
export const updateProductVariantsWorkflow = createWorkflow(
  updateProductVariantsWorkflowId,
  (input: WorkflowData<UpdateProductVariantsWorkflowInput>) => {
    const columns = transform({ input }, ({ input }): UpdateProductVariantsStepInput => {
      if ("product_variants" in input) return { product_variants: input.product_variants.map(({ prices: _prices, ...variant }) => variant) }
      const { prices: _prices, ...update } = input.update
      return { selector: input.selector, update }
    })
    const variants = updateProductVariantsStep(columns)
    const prices = upsertVariantPricesStep(
      transform({ input, variants }, ({ input, variants }) =>
        variants.flatMap((variant) => {
          const given = "product_variants" in input ? input.product_variants.find((entry) => entry.id === variant.id)?.prices : input.update.prices
          return given === undefined ? [] : [{ variant_id: variant.id, prices: given }]
        }),
      ),
    )
    const result = transform({ variants, prices }, ({ variants, prices }): UpdatedVariant[] =>
      variants.map((variant) => {
        const changed = prices.find((entry) => entry.variant_id === variant.id)
        return changed === undefined ? variant : { ...variant, prices: changed.prices }
      }),
    )
    emitEventStep(transform({ result }, ({ result }) => result.map((variant) => ({ name: ProductVariantEvents.UPDATED, data: { id: variant.id } }))))
    const productVariantsUpdated = createHook("productVariantsUpdated", { product_variants: result, additional_data: input.additional_data })
    return new WorkflowResponse(result, { hooks: [productVariantsUpdated] })
  },
)
