import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminInventoryLevelFields = [
  "id",
  "inventory_item_id",
  "location_id",
  "stocked_quantity",
  "reserved_quantity",
  "incoming_quantity",
  "available_quantity",
  "metadata",
  "created_at",
  "updated_at",
]

export const adminInventoryItemFields = [
  "id",
  "sku",
  "title",
  "description",
  "thumbnail",
  "origin_country",
  "hs_code",
  "requires_shipping",
  "mid_code",
  "material",
  "weight",
  "length",
  "height",
  "width",
  "metadata",
  "reserved_quantity",
  "stocked_quantity",
  "created_at",
  "updated_at",
  "*location_levels",
]

export const retrieveInventoryItemQueryConfig: QueryConfigOptions = { defaults: adminInventoryItemFields }

export const listInventoryItemsQueryConfig: QueryConfigOptions = {
  ...retrieveInventoryItemQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "created_at",
}

export const listInventoryLevelsQueryConfig: QueryConfigOptions = {
  defaults: adminInventoryLevelFields,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
