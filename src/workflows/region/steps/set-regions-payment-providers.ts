import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { LinkInput, LinkService, Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PAYMENT_MODULE } from "../../../modules/payment/index.ts"
import type { PaymentModuleService } from "../../../modules/payment/index.ts"

/** The payment providers each region offers: the list given replaces the region's; regions left out keep theirs. */
export type SetRegionsPaymentProvidersStepInput = { id: string; payment_providers?: string[] | undefined }[]

type Changes = { created: LinkInput[]; dismissed: LinkInput[] }

const link = (regionId: string, providerId: string): LinkInput => ({
  region: { region_id: regionId },
  payment: { payment_provider_id: providerId },
})

export const setRegionsPaymentProvidersStepId = "set-regions-payment-providers-step"

/**
 * Links regions to exactly the payment providers given (each must exist and be enabled: not_found
 * otherwise). Only links that change are written; its compensation writes them back.
 */
export const setRegionsPaymentProvidersStep = createStep(
  setRegionsPaymentProvidersStepId,
  async (input: SetRegionsPaymentProvidersStepInput, { container }) => {
    const wanted = input.filter((entry): entry is { id: string; payment_providers: string[] } => entry.payment_providers !== undefined)
    if (wanted.length === 0) return new StepResponse<undefined, Changes>(undefined, { created: [], dismissed: [] })
    const providerIds = [...new Set(wanted.flatMap((entry) => entry.payment_providers))]
    if (providerIds.length > 0) {
      const enabled = await container
        .resolve<PaymentModuleService>(PAYMENT_MODULE)
        .listPaymentProviders({ id: providerIds, is_enabled: true }, { select: ["id"] })
      const missing = providerIds.filter((id) => !enabled.some((provider) => provider.id === id))
      if (missing.length > 0) {
        throw new AgoraError(AgoraError.Types.NOT_FOUND, `Payment providers with ids ${missing.join(", ")} not found or not enabled`)
      }
    }
    const { data: current } = await container.resolve<Query>("query").graph<{ region_id: string; payment_provider_id: string }>({
      entity: "region_payment_provider",
      fields: ["region_id", "payment_provider_id"],
      filters: { region_id: wanted.map((entry) => entry.id) },
    })
    const dismissed = current
      .filter((row) => !wanted.some((entry) => entry.id === row.region_id && entry.payment_providers.includes(row.payment_provider_id)))
      .map((row) => link(row.region_id, row.payment_provider_id))
    const created = wanted.flatMap((entry) =>
      [...new Set(entry.payment_providers)]
        .filter((providerId) => !current.some((row) => row.region_id === entry.id && row.payment_provider_id === providerId))
        .map((providerId) => link(entry.id, providerId)),
    )
    const links = container.resolve<LinkService>("link")
    // One transaction: a failure leaves the links as they were, with nothing for the compensation to do.
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      if (dismissed.length > 0) await links.dismiss(dismissed)
      if (created.length > 0) await links.create(created)
    })
    return new StepResponse<undefined, Changes>(undefined, { created, dismissed })
  },
  async (changes, { container }) => {
    if (!changes) return
    const links = container.resolve<LinkService>("link")
    if (changes.created.length > 0) await links.dismiss(changes.created)
    if (changes.dismissed.length > 0) await links.create(changes.dismissed)
  },
)
