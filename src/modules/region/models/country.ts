import { model } from "../../../framework/modules/index.ts"
import { Region } from "./region.ts"

export type CountryDTO = {
  iso_2: string
  iso_3: string
  num_code: string
  name: string
  display_name: string
  region_id: string | null
  metadata: Record<string, unknown> | null
}

/** An ISO 3166 country. Every country exists from the first migration on; a region claims it. */
export const Country = model.define(
  { name: "country", tableName: "region_country" },
  {
    iso_2: model.text().primaryKey().searchable(),
    iso_3: model.text(),
    num_code: model.text(),
    name: model.text().searchable(),
    display_name: model.text().searchable(),
    region: model.belongsTo(() => Region, { mappedBy: "countries" }).nullable(),
    metadata: model.json().nullable(),
  },
)
