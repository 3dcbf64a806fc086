import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { CreateReservationItemInput, InventoryModuleService } from "../../../modules/inventory/index.ts"
import type { VariantForCart } from "../utils/types.ts"

export type ConfirmInventoryItem = { variant_id?: string | null; quantity: number }
export type ConfirmInventoryStepInput = { sales_channel_id?: string | null; items: ConfirmInventoryItem[] }

/** What a unit of a variant takes from stock. */
export type VariantRequirement = { inventory_item_id: string; required_quantity: number; allow_backorder: boolean }

/** Where the lines' stock comes from: per managed variant what a unit takes, per inventory item its location. */
export type InventoryPlan = {
  variants: Record<string, VariantRequirement[]>
  locations: Record<string, string>
}

type VariantRow = {
  id: string
  sku: string | null
  manage_inventory: boolean
  allow_backorder: boolean
  inventory_item_link: { inventory_item_id: string; required_quantity: number }[]
}

const INSUFFICIENT_INVENTORY = "insufficient_inventory"

export const confirmInventoryStepId = "confirm-inventory-step"
/**
 * Checks, without reserving anything, that the stock locations of the sales channel can cover the
 * lines of every variant that manages its inventory, and picks for each inventory item the first
 * location (by id) that covers all the lines need of it. Returns that plan; `reservationsForItems`
 * turns it into reservations for the lines that end up being reserved.
 */
export const confirmInventoryStep = createStep({ name: confirmInventoryStepId, readOnly: true }, async (input: ConfirmInventoryStepInput, { container }) => {
  return new StepResponse(await confirmInventory(container, input))
})

/** What a unit of each variant takes from stock, when the caller has read it already (`VariantForCart`). */
export type KnownVariantInventory = Pick<VariantForCart, "id" | "sku" | "manage_inventory" | "allow_backorder" | "inventory_items">

/**
 * `confirmInventoryStep`'s check, for steps that confirm the stock among other reads; `known`
 * variants (all of the items', read with their inventory items) spare reading them again.
 */
export async function confirmInventory(
  container: AwilixContainer,
  input: ConfirmInventoryStepInput,
  known?: readonly KnownVariantInventory[],
): Promise<InventoryPlan> {
  const query = container.resolve<Query>("query")
  const variants = known ? managedOf(known) : await managedVariants(query, input.items)
  const plan: InventoryPlan = { variants: {}, locations: {} }
  if (variants.size === 0) return plan

  const needs = new Map<string, { quantity: number; checked: boolean; variants: Set<string> }>()
  for (const item of input.items) {
    const variant = item.variant_id ? variants.get(item.variant_id) : undefined
    if (!variant) continue
    if (variant.inventory_item_link.length === 0) {
      throw insufficient(`${describe(variant)} has no inventory item`)
    }
    plan.variants[variant.id] = variant.inventory_item_link.map((link) => ({
      inventory_item_id: link.inventory_item_id,
      required_quantity: link.required_quantity,
      allow_backorder: variant.allow_backorder,
    }))
    for (const link of variant.inventory_item_link) {
      const need = needs.get(link.inventory_item_id) ?? { quantity: 0, checked: false, variants: new Set<string>() }
      need.quantity += item.quantity * link.required_quantity
      need.checked ||= !variant.allow_backorder
      need.variants.add(describe(variant))
      needs.set(link.inventory_item_id, need)
    }
  }

  const salesChannelId = input.sales_channel_id
  if (!salesChannelId) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "A sales channel is required to check the inventory of the items: sales_channel_id is missing")
  }
  // The channel's locations and the items' levels (at any location) are read at once.
  const [locationIds, allLevels] = await Promise.all([
    locationsOf(query, salesChannelId),
    container.resolve<InventoryModuleService>(INVENTORY_MODULE).listInventoryLevels({ inventory_item_id: [...needs.keys()] }),
  ])
  if (locationIds.length === 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Sales channel ${salesChannelId} is not associated with any stock location.`)
  }
  const levels = allLevels.filter((level) => locationIds.includes(level.location_id))
  for (const [itemId, need] of needs) {
    const candidates = locationIds.flatMap((locationId) => {
      const level = levels.find((l) => l.inventory_item_id === itemId && l.location_id === locationId)
      return level ? [{ locationId, available: level.available_quantity }] : []
    })
    const chosen = need.checked ? candidates.find((c) => c.available >= need.quantity) : candidates[0]
    if (!chosen) {
      const best = Math.max(0, ...candidates.map((c) => c.available))
      throw insufficient(
        `${[...need.variants].join(", ")} needs ${need.quantity} of inventory item ${itemId}, and at most ${best} is available at one stock location of sales channel ${salesChannelId}`,
      )
    }
    plan.locations[itemId] = chosen.locationId
  }
  return plan
}

function managedOf(known: readonly KnownVariantInventory[]): Map<string, VariantRow> {
  return new Map(
    known
      .filter((variant) => variant.manage_inventory)
      .map((variant) => [
        variant.id,
        {
          id: variant.id,
          sku: variant.sku,
          manage_inventory: true,
          allow_backorder: variant.allow_backorder,
          inventory_item_link: variant.inventory_items.map((item) => ({
            inventory_item_id: item.inventory_item_id,
            required_quantity: item.required_quantity,
          })),
        },
      ]),
  )
}

/** The reservations that hold the stock of `items` (lines with their ids) as the plan says. */
export function reservationsForItems(
  plan: InventoryPlan,
  items: readonly { id: string; variant_id?: string | null; quantity: number }[],
): CreateReservationItemInput[] {
  return items.flatMap((item) =>
    (item.variant_id ? (plan.variants[item.variant_id] ?? []) : []).map((requirement) => ({
      line_item_id: item.id,
      inventory_item_id: requirement.inventory_item_id,
      location_id: plan.locations[requirement.inventory_item_id] as string,
      quantity: item.quantity * requirement.required_quantity,
      allow_backorder: requirement.allow_backorder,
    })),
  )
}

async function managedVariants(query: Query, items: ConfirmInventoryItem[]): Promise<Map<string, VariantRow>> {
  const ids = [...new Set(items.flatMap((item) => (item.variant_id ? [item.variant_id] : [])))]
  if (ids.length === 0) return new Map()
  const { data } = await query.graph<VariantRow>({
    entity: "product_variant",
    fields: ["id", "sku", "manage_inventory", "allow_backorder", "inventory_item_link.inventory_item_id", "inventory_item_link.required_quantity"],
    filters: { id: ids },
  })
  return new Map(data.filter((variant) => variant.manage_inventory).map((variant) => [variant.id, variant]))
}

async function locationsOf(query: Query, salesChannelId: string): Promise<string[]> {
  const { data } = await query.graph<{ stock_locations: { id: string }[] }>({
    entity: "sales_channel",
    fields: ["stock_locations.id"],
    filters: { id: salesChannelId },
  })
  return (data[0]?.stock_locations ?? []).map((location) => location.id)
}

function describe(variant: VariantRow): string {
  return variant.sku ? `variant ${variant.id} (${variant.sku})` : `variant ${variant.id}`
}

function insufficient(detail: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_ALLOWED, `Some variant does not have the required inventory: ${detail}`, INSUFFICIENT_INVENTORY)
}
