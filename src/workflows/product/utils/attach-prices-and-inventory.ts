import type { LinkInput } from "../../../framework/modules/index.ts"
import { transform } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateInventoryItemInput, InventoryItemDTO } from "../../../modules/inventory/index.ts"
import type { PriceSetWithPrices } from "../../../modules/pricing/index.ts"
import type { ProductVariantRow } from "../../../modules/product/index.ts"
import { createLinksStep } from "../../common/index.ts"
import { createInventoryItemsStep } from "../../inventory/steps/create-inventory-items.ts"
import { createPriceSetsStep } from "../steps/create-price-sets.ts"
import type { VariantWithPrices, VariantWorkflowInput } from "../types.ts"

/** A variant just created, beside the input it was created from. */
export type CreatedVariant = { variant: ProductVariantRow; input: VariantWorkflowInput }

/**
 * Inside a composer: gives new variants what lives outside the product module, as Medusa does. Each
 * variant gets a price set with its `prices`; a variant that manages inventory gets a new inventory
 * item (its sku and title), unless it names the `inventory_items` it uses. Then the variants are
 * linked to those, together with `otherLinks`, in one step. Returns the variants with their prices.
 */
export function attachPricesAndInventory(
  variants: WorkflowData<CreatedVariant[]>,
  otherLinks: WorkflowData<LinkInput[]>,
): WorkflowData<VariantWithPrices[]> {
  const priceSets = createPriceSetsStep(transform({ variants }, ({ variants }) => variants.map(({ input }) => ({ prices: input.prices ?? [] }))))
  const items = createInventoryItemsStep(transform({ variants }, ({ variants }) => newInventoryItems(variants)))
  const links = transform({ variants, priceSets, items, otherLinks }, ({ variants, priceSets, items, otherLinks }) => [
    ...otherLinks,
    ...variantLinks(variants, priceSets, items),
  ])
  createLinksStep(links)
  return transform({ variants, priceSets }, ({ variants, priceSets }) =>
    variants.map(({ variant }, i) => ({ ...variant, prices: priceSets[i]?.prices ?? [] })),
  )
}

function makesOwnItem({ variant, input }: CreatedVariant): boolean {
  return variant.manage_inventory && (input.inventory_items ?? []).length === 0
}

function newInventoryItems(variants: CreatedVariant[]): CreateInventoryItemInput[] {
  return variants.filter(makesOwnItem).map(({ variant }) => ({
    sku: variant.sku,
    title: variant.title,
    description: variant.title,
    requires_shipping: true,
    hs_code: variant.hs_code,
    origin_country: variant.origin_country,
    mid_code: variant.mid_code,
    material: variant.material,
    weight: variant.weight,
    length: variant.length,
    height: variant.height,
    width: variant.width,
  }))
}

function variantLinks(variants: CreatedVariant[], priceSets: PriceSetWithPrices[], items: InventoryItemDTO[]): LinkInput[] {
  const links: LinkInput[] = []
  let nextItem = 0
  variants.forEach((created, i) => {
    const product = { product_variant_id: created.variant.id }
    links.push({ product, pricing: { price_set_id: priceSets[i]!.id } })
    if (!created.variant.manage_inventory) return
    const used = makesOwnItem(created)
      ? [{ inventory_item_id: items[nextItem++]!.id, required_quantity: 1 }]
      : (created.input.inventory_items ?? [])
    for (const { inventory_item_id, required_quantity = 1 } of used) {
      links.push({ product, inventory: { inventory_item_id }, data: { required_quantity } })
    }
  })
  return links
}
