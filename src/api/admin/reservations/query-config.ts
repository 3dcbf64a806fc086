import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminReservationFields = [
  "id",
  "location_id",
  "inventory_item_id",
  "quantity",
  "line_item_id",
  "description",
  "external_id",
  "metadata",
  "created_by",
  "created_at",
  "updated_at",
  "*inventory_item",
  "inventory_item.reserved_quantity",
  "inventory_item.stocked_quantity",
]

export const retrieveReservationQueryConfig: QueryConfigOptions = { defaults: adminReservationFields }

export const listReservationsQueryConfig: QueryConfigOptions = {
  ...retrieveReservationQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "created_at",
}
