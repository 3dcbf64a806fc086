import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { VariantForCart } from "../utils/types.ts"

export type ValidateVariantSalesChannelsStepInput = {
  sales_channel_id: string | null
  variants: Pick<VariantForCart, "id" | "product">[]
}

/**
 * A cart sells only variants of published products linked to its sales channel (a product in no
 * channel is in none of them).
 */
export const validateVariantSalesChannelsStepId = "validate-variant-sales-channels-step"
export const validateVariantSalesChannelsStep = createStep(
  { name: validateVariantSalesChannelsStepId, readOnly: true },
  async (input: ValidateVariantSalesChannelsStepInput) => {
    assertVariantsInSalesChannel(input)
    return new StepResponse(undefined)
  },
)

export function assertVariantsInSalesChannel({ sales_channel_id, variants }: ValidateVariantSalesChannelsStepInput): void {
  const unpublished = variants.filter((variant) => variant.product.status !== "published").map((variant) => variant.id)
  if (unpublished.length > 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Variants with IDs ${unpublished.join(", ")} belong to products that are not published`)
  }
  if (!sales_channel_id) return
  const unavailable = variants
    .filter((variant) => !variant.product.sales_channel_ids.includes(sales_channel_id))
    .map((variant) => variant.id)
  if (unavailable.length > 0) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `Variants with IDs ${unavailable.join(", ")} are not available in sales channel ${sales_channel_id}`,
    )
  }
}
