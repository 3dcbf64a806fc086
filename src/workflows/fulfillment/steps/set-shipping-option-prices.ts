import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import type { LinkService, Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRICING_MODULE } from "../../../modules/pricing/index.ts"
import type { CreatePriceInput, PricesSnapshot, PricingModuleService } from "../../../modules/pricing/index.ts"
import type { ShippingOptionPrices } from "./prepare-shipping-option-prices.ts"

type Undo = { createdSetIds: string[]; previous: PricesSnapshot }

export const setShippingOptionPricesStepId = "set-shipping-option-prices-step"

/**
 * Gives shipping options exactly the prices listed (entries with an `id` change that price, others
 * are added, the rest are deleted), in the price set linked to each option; an option without one
 * gets a new price set, linked to it. One transaction. Its compensation deletes the new sets and
 * puts the replaced prices back as they were.
 */
export const setShippingOptionPricesStep = createStep(
  setShippingOptionPricesStepId,
  async (input: ShippingOptionPrices, { container }) => {
    if (input.length === 0) return new StepResponse<string[], Undo>([], { createdSetIds: [], previous: { priceSetIds: [], prices: [] } })
    const pricing = container.resolve<PricingModuleService>(PRICING_MODULE)
    const { data: links } = await container.resolve<Query>("query").graph<{ shipping_option_id: string; price_set_id: string }>({
      entity: "shipping_option_price_set",
      fields: ["shipping_option_id", "price_set_id"],
      filters: { shipping_option_id: input.map((entry) => entry.shipping_option_id) },
    })
    const setOf = new Map(links.map((link) => [link.shipping_option_id, link.price_set_id]))
    const replacing = input.filter((entry) => setOf.has(entry.shipping_option_id))
    const missing = input.filter((entry) => !setOf.has(entry.shipping_option_id))
    const replacedSetIds = replacing.map((entry) => setOf.get(entry.shipping_option_id)!)
    return container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      const previous = await pricing.snapshotPrices(replacedSetIds)
      if (replacing.length > 0) await pricing.updatePriceSets(replacing.map((entry, i) => ({ id: replacedSetIds[i]!, prices: entry.prices })))
      const created =
        missing.length === 0 ? [] : await pricing.createPriceSets(missing.map((entry) => ({ prices: entry.prices as CreatePriceInput[] })))
      if (created.length > 0) {
        await container.resolve<LinkService>("link").create(
          missing.map((entry, i) => ({ fulfillment: { shipping_option_id: entry.shipping_option_id }, pricing: { price_set_id: created[i]!.id } })),
        )
      }
      const createdSetIds = created.map((set) => set.id)
      return new StepResponse<string[], Undo>([...replacedSetIds, ...createdSetIds], { createdSetIds, previous })
    })
  },
  async (undo, { container }) => {
    if (!undo) return
    const pricing = container.resolve<PricingModuleService>(PRICING_MODULE)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      // Deleting a set removes its link to the option too.
      await pricing.deletePriceSets(undo.createdSetIds)
      await pricing.restorePriceSnapshot(undo.previous)
    })
  },
)
