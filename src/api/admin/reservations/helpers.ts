import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"
import { planInventoryItemRead, shapeInventoryItem } from "../inventory-items/helpers.ts"
import type { InventoryItemReadPlan } from "../inventory-items/helpers.ts"

type Row = Record<string, unknown>

/** Reservations live in `reservation_item`; their item's quantities are computed as on the item routes. */
export function planReservationRead(fields: string[]): InventoryItemReadPlan {
  return planInventoryItemRead(fields, "inventory_item.")
}

export function shapeReservation(reservation: Row, plan: InventoryItemReadPlan): Row {
  const item = reservation.inventory_item
  if (item === null || typeof item !== "object") return reservation
  return { ...reservation, inventory_item: shapeInventoryItem(item as Row, plan) }
}

/** Refuses reservation fields Query cannot read, before a write (see `checkFieldsReadable`). */
export function checkReservationFields(scope: AwilixContainer, fields: string[]): void {
  checkFieldsReadable(scope, "reservation_item", planReservationRead(fields).fields)
}

/** Reads one reservation in the admin shape; not_found when there is none. */
export async function retrieveReservation(scope: AwilixContainer, id: string, fields: string[]): Promise<Row> {
  const plan = planReservationRead(fields)
  const { data } = await scope.resolve<Query>("query").graph({ entity: "reservation_item", fields: plan.fields, filters: { id }, pagination: { take: 1 } })
  const reservation = data[0]
  if (!reservation) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Reservation with id: ${id} was not found`)
  return shapeReservation(reservation, plan)
}
