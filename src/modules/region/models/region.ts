import { model } from "../../../framework/modules/index.ts"
import type { AnyModel } from "../../../framework/modules/index.ts"
import { Country } from "./country.ts"
import type { CountryDTO } from "./country.ts"

/** A market: one currency and the countries sold to; a country belongs to at most one region. */
export const Region = model.define("region", {
  id: model.id({ prefix: "reg" }).primaryKey(),
  name: model.text().searchable(),
  currency_code: model.text().searchable(),
  automatic_taxes: model.boolean().default(true),
  is_tax_inclusive: model.boolean().default(false),
  metadata: model.json().nullable(),
  // Two models that point at each other: one thunk names its return type to break the type cycle.
  countries: model.hasMany<CountryDTO>((): AnyModel => Country, { mappedBy: "region" }),
})
