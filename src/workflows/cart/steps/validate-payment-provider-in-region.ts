import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

export type ValidatePaymentProviderInRegionStepInput = { provider_id: string; region_id: string | null }

/** A cart is paid only through a provider its region offers (region ↔ payment provider link) and that is enabled. */
export const validatePaymentProviderInRegionStepId = "validate-payment-provider-in-region-step"
export const validatePaymentProviderInRegionStep = createStep(
  { name: validatePaymentProviderInRegionStepId, readOnly: true },
  async (input: ValidatePaymentProviderInRegionStepInput, { container }) => {
    await validatePaymentProviderInRegion(container, input)
    return new StepResponse(undefined)
  },
)

/** `validatePaymentProviderInRegionStep`'s check, for steps that make it among others. */
export async function validatePaymentProviderInRegion(container: AwilixContainer, input: ValidatePaymentProviderInRegionStepInput): Promise<void> {
  if (!input.region_id) return
  const { data } = await container.resolve<Query>("query").graph<{ payment_providers: { id: string; is_enabled: boolean }[] }>({
    entity: "region",
    fields: ["payment_providers.id", "payment_providers.is_enabled"],
    filters: { id: input.region_id },
  })
  const provider = data[0]?.payment_providers.find((candidate) => candidate.id === input.provider_id)
  if (!provider || !provider.is_enabled) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `Payment provider ${input.provider_id} is not available in region ${input.region_id}`,
    )
  }
}
