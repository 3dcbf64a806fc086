import type { InferCreateInput, InferEntity, InferUpdateInput } from "../../framework/modules/index.ts"
import type { InventoryItem } from "./models/inventory-item.ts"
import type { InventoryLevel } from "./models/inventory-level.ts"
import type { ReservationItem } from "./models/reservation-item.ts"

export type InventoryItemRow = InferEntity<typeof InventoryItem>
export type InventoryLevelRow = InferEntity<typeof InventoryLevel>
export type ReservationItemRow = InferEntity<typeof ReservationItem>

/** A level as returned: with what is available, stocked − reserved (below 0 when backordered). */
export type InventoryLevelDTO = InventoryLevelRow & { available_quantity: number }

/** An item as returned: with the sums over its levels, and its levels when asked for. */
export type InventoryItemDTO = Omit<InventoryItemRow, "location_levels"> & {
  stocked_quantity: number
  reserved_quantity: number
  location_levels?: InventoryLevelDTO[]
}

export type CreateInventoryItemInput = InferCreateInput<typeof InventoryItem>
export type UpdateInventoryItemInput = Omit<InferUpdateInput<typeof InventoryItem>, "id">

/** A level starts with stock and incoming units; its reserved quantity only ever follows reservations. */
export type CreateInventoryLevelInput = Omit<InferCreateInput<typeof InventoryLevel>, "reserved_quantity">

/** What a level update may change: the item and location identify it, reservations move reserved. */
export type UpdateInventoryLevelInput = Partial<
  Pick<InferCreateInput<typeof InventoryLevel>, "stocked_quantity" | "incoming_quantity" | "metadata">
>

export type CreateReservationItemInput = InferCreateInput<typeof ReservationItem>

/** A reservation may change quantity or location (the levels follow), never its item. */
export type UpdateReservationItemInput = Omit<InferUpdateInput<typeof ReservationItem>, "id" | "inventory_item_id">

/** One change of stock, in Medusa's shape: `adjustment` units added to (or, negative, taken from) stocked. */
export type InventoryAdjustment = { inventoryItemId: string; locationId: string; adjustment: number }

/** A reservation to fulfil: its id (all of it), or `{ id, quantity }` for part of it. */
export type ConsumeReservationInput = string | { id: string; quantity?: number }

/** A reservation as it was before fulfilment, and how much of it was consumed. */
export type ConsumedReservation = ReservationItemRow & { consumed_quantity: number }
