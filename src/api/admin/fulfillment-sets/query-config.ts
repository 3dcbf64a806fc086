import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminFulfillmentSetFields = [
  "id",
  "name",
  "type",
  "metadata",
  "created_at",
  "updated_at",
  "deleted_at",
  "*service_zones",
  "*service_zones.geo_zones",
]

export const retrieveFulfillmentSetQueryConfig: QueryConfigOptions = { defaults: adminFulfillmentSetFields }
