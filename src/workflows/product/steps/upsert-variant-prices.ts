import { AgoraError } from "../../../framework/errors/index.ts"
import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import type { LinkService, Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRICING_MODULE } from "../../../modules/pricing/index.ts"
import type { CreatePriceInput, PricesSnapshot, PriceWithRules, PricingModuleService, UpsertPriceInput } from "../../../modules/pricing/index.ts"

/** A variant's whole price list: entries with an id change that price, others are added, the rest are deleted. */
export type VariantPricesInput = { variant_id: string; prices: UpsertPriceInput[] }

export type VariantPrices = { variant_id: string; price_set_id: string; prices: PriceWithRules[] }

type Undo = { createdSetIds: string[]; previous: PricesSnapshot }

export const upsertVariantPricesStepId = "upsert-variant-prices-step"

/**
 * Replaces the prices of variants in the price sets linked to them; a variant without one gets a new
 * price set, linked to it. All in one transaction. Its compensation deletes the new sets and puts the
 * replaced prices back as they were (same ids, amounts and rules).
 */
export const upsertVariantPricesStep = createStep(
  upsertVariantPricesStepId,
  async (input: VariantPricesInput[], { container }) => {
    if (input.length === 0) return new StepResponse<VariantPrices[], Undo>([], { createdSetIds: [], previous: { priceSetIds: [], prices: [] } })
    const pricing = container.resolve<PricingModuleService>(PRICING_MODULE)
    const { data: links } = await container.resolve<Query>("query").graph<{ product_variant_id: string; price_set_id: string }>({
      entity: "product_variant_price_set",
      fields: ["product_variant_id", "price_set_id"],
      filters: { product_variant_id: input.map((entry) => entry.variant_id) },
    })
    const setOf = new Map(links.map((link) => [link.product_variant_id, link.price_set_id]))
    const replacing = input.filter((entry) => setOf.has(entry.variant_id))
    const missing = input.filter((entry) => !setOf.has(entry.variant_id))
    const replacedSetIds = replacing.map((entry) => setOf.get(entry.variant_id)!)

    return container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      const previous = await pricing.snapshotPrices(replacedSetIds)
      const updated = replacing.length === 0 ? [] : await pricing.updatePriceSets(replacing.map((entry, i) => ({ id: replacedSetIds[i]!, prices: entry.prices })))
      const created =
        missing.length === 0 ? [] : await pricing.createPriceSets(missing.map((entry) => ({ prices: entry.prices.map((p) => newPrice(entry.variant_id, p)) })))
      if (created.length > 0) {
        await container.resolve<LinkService>("link").create(
          missing.map((entry, i) => ({ product: { product_variant_id: entry.variant_id }, pricing: { price_set_id: created[i]!.id } })),
        )
      }
      const result = [
        ...replacing.map((entry, i) => ({ variant_id: entry.variant_id, price_set_id: updated[i]!.id, prices: updated[i]!.prices })),
        ...missing.map((entry, i) => ({ variant_id: entry.variant_id, price_set_id: created[i]!.id, prices: created[i]!.prices })),
      ]
      return new StepResponse<VariantPrices[], Undo>(result, {
        createdSetIds: created.map((set) => set.id),
        previous,
      })
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const pricing = container.resolve<PricingModuleService>(PRICING_MODULE)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      // Deleting a set removes its link to the variant too.
      await pricing.deletePriceSets(undo.createdSetIds)
      await pricing.restorePriceSnapshot(undo.previous)
    })
  },
)

/** A price for a variant that has no price set yet: it cannot name an existing price. */
function newPrice(variantId: string, price: UpsertPriceInput): CreatePriceInput {
  if (price.id !== undefined) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Price ${price.id} is not a price of variant ${variantId}, which has no prices yet`)
  }
  return price
}
