import type { AwilixContainer } from "awilix"
import type { Query } from "../../framework/modules/index.ts"

/**
 * Fails (invalid_data, naming the field) when Query cannot read `fields` of `entity`. A write route
 * answers by reading what it wrote with the request's `fields`: checked first, a bad field is refused
 * before anything is written. Sends no SQL.
 */
export function checkFieldsReadable(scope: AwilixContainer, entity: string, fields: string[]): void {
  scope.resolve<Query>("query").check({ entity, fields })
}
