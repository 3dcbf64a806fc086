import type { AwilixContainer } from "awilix"
import { retrieveEntity } from "../../../framework/http/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"

/** One stock location with the fields asked for; not_found otherwise. */
export function retrieveStockLocation(scope: AwilixContainer, id: string, fields: string[]) {
  return retrieveEntity({ entity: "stock_location", label: "Stock location", idOrFilter: id, scope, fields })
}

/** Refuses fields Query cannot read before a write (see `checkFieldsReadable`). */
export function checkStockLocationFields(scope: AwilixContainer, fields: string[]): void {
  checkFieldsReadable(scope, "stock_location", fields)
}
