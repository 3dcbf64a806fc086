import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { VariantForCart } from "../utils/types.ts"

export type ValidateVariantPricesStepInput = { variants: Pick<VariantForCart, "id" | "calculated_price">[] }

/** Every variant must have a price in the cart's currency (and region). */
export const validateVariantPricesStepId = "validate-variant-prices-step"
export const validateVariantPricesStep = createStep({ name: validateVariantPricesStepId, readOnly: true }, async ({ variants }: ValidateVariantPricesStepInput) => {
  assertVariantsPriced(variants)
  return new StepResponse(undefined)
})

export function assertVariantsPriced(variants: ValidateVariantPricesStepInput["variants"]): void {
  const unpriced = variants.filter((variant) => variant.calculated_price === null).map((variant) => variant.id)
  if (unpriced.length > 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Variants with IDs ${unpriced.join(", ")} do not have a price`)
  }
}
