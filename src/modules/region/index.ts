import { Module } from "../../framework/modules/index.ts"
import { Country } from "./models/country.ts"
import { Region } from "./models/region.ts"
import { RegionModuleService } from "./service.ts"

export const REGION_MODULE = "region"
export { RegionModuleService }
export type { CreateRegionInput, RegionDTO, UpdateRegionInput } from "./service.ts"
export type { CountryDTO } from "./models/country.ts"
export type { CountryFilters } from "./country-claims.ts"
// Countries have no generated CRUD (their key is iso_2, not id) but are tables of this module.
export default Module(REGION_MODULE, { service: RegionModuleService, models: [Region, Country] })
