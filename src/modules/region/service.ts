import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import type { Filters, InferEntity, ModuleDependencies } from "../../framework/modules/index.ts"
import { claimCountries, listCountries, releaseCountries } from "./country-claims.ts"
import type { CountryFilters } from "./country-claims.ts"
import type { CountryDTO } from "./models/country.ts"
import { Region } from "./models/region.ts"

export type RegionDTO = InferEntity<typeof Region>

export type CreateRegionInput = {
  id?: string
  name: string
  currency_code: string
  automatic_taxes?: boolean
  is_tax_inclusive?: boolean
  metadata?: Record<string, unknown> | null
  /** ISO 3166-1 alpha-2 codes (`"us"`) the region claims; none may belong to another region. */
  countries?: string[]
}

/** `countries`, when given, replaces the region's countries. */
export type UpdateRegionInput = { id: string } & Partial<Omit<CreateRegionInput, "id">>

type RegionChanges = Omit<UpdateRegionInput, "id">

const GeneratedCrud = ModuleService({ Region })
type GeneratedCrud = InstanceType<typeof GeneratedCrud>
const REPLACED = ["createRegions", "updateRegions", "softDeleteRegions"] as const

// Generated methods are set on each instance, so a method below with the same name would be hidden by
// them: the base leaves the replaced names out of its type, and the constructor removes them.
const Base = GeneratedCrud as unknown as {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): Omit<GeneratedCrud, (typeof REPLACED)[number]>
  readonly models: typeof GeneratedCrud.models
}

export class RegionModuleService extends Base {
  private readonly crud: GeneratedCrud

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.crud = new GeneratedCrud(dependencies, options)
    for (const name of REPLACED) Reflect.deleteProperty(this, name)
  }

  /** Creates regions and assigns them their countries, in one transaction. Returns them with `countries`. */
  async createRegions(data: CreateRegionInput): Promise<RegionDTO>
  async createRegions(data: CreateRegionInput[]): Promise<RegionDTO[]>
  async createRegions(data: CreateRegionInput | CreateRegionInput[]): Promise<RegionDTO | RegionDTO[]> {
    const inputs = (Array.isArray(data) ? data : [data]).map((input) => normalize(validateCreate(input)))
    const ids = await this.database.transaction(async () => {
      const created = await this.crud.createRegions(inputs.map(({ countries: _, ...region }) => region))
      await claimCountries(
        this.database,
        created.map((region, i) => ({ region, countries: inputs[i]?.countries })),
      )
      return created.map((region) => region.id)
    })
    const regions = await this.withCountries(ids)
    return Array.isArray(data) ? regions : (regions[0] as RegionDTO)
  }

  /** Updates regions; `countries`, when given, replaces each region's countries. Returns them with `countries`. */
  async updateRegions(data: UpdateRegionInput): Promise<RegionDTO>
  async updateRegions(data: UpdateRegionInput[]): Promise<RegionDTO[]>
  async updateRegions(data: { selector: Filters<RegionDTO>; data: RegionChanges }): Promise<RegionDTO[]>
  async updateRegions(
    data: UpdateRegionInput | UpdateRegionInput[] | { selector: Filters<RegionDTO>; data: RegionChanges },
  ): Promise<RegionDTO | RegionDTO[]> {
    const ids = await this.database.transaction(async () => {
      const inputs = await this.updatesOf(data)
      const rows = inputs.map(({ countries: _, ...changes }) => changes)
      const existing = await this.crud.listRegions({ id: rows.map((row) => row.id) }, { select: ["id", "name"] })
      const missing = rows.filter((row) => !existing.some((region) => region.id === row.id)).map((row) => row.id)
      if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Region with id: ${missing.join(", ")} was not found`)
      if (rows.some((row) => Object.keys(row).length > 1)) await this.crud.updateRegions(rows)
      const replacing = inputs.filter((input) => input.countries !== undefined)
      await releaseCountries(this.database, replacing.map((input) => input.id))
      await claimCountries(
        this.database,
        replacing.map((input) => ({ region: existing.find((r) => r.id === input.id) as RegionDTO, countries: input.countries })),
      )
      return inputs.map((input) => input.id)
    })
    const regions = await this.withCountries(ids)
    return Array.isArray(data) || "selector" in data ? regions : (regions[0] as RegionDTO)
  }

  /** Soft-deletes regions and frees their countries, so that another region can claim them. */
  async softDeleteRegions(ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids]
    await this.database.transaction(async () => {
      await this.crud.softDeleteRegions(list)
      await releaseCountries(this.database, list)
    })
  }

  /** Countries, ordered by iso_2; `region_id: null` lists the ones no region has claimed. */
  listCountries(filters: CountryFilters = {}, config: { take?: number; skip?: number } = {}): Promise<CountryDTO[]> {
    return listCountries(this.database, filters, config)
  }

  async retrieveCountry(iso2: string): Promise<CountryDTO> {
    const [country] = await this.listCountries({ iso_2: iso2 }, { take: 1 })
    if (!country) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Country with iso_2: ${iso2} was not found`)
    return country
  }

  private async withCountries(ids: string[]): Promise<RegionDTO[]> {
    const regions = await this.listRegions({ id: ids }, { relations: ["countries"] })
    for (const region of regions) region.countries?.sort((a, b) => a.iso_2.localeCompare(b.iso_2))
    return ids.map((id) => regions.find((region) => region.id === id) as RegionDTO)
  }

  private async updatesOf(
    data: UpdateRegionInput | UpdateRegionInput[] | { selector: Filters<RegionDTO>; data: RegionChanges },
  ): Promise<UpdateRegionInput[]> {
    if (!Array.isArray(data) && "selector" in data) {
      const matching = await this.listRegions(data.selector, { select: ["id"] })
      return matching.map((region) => normalize(validateUpdate({ ...data.data, id: region.id })))
    }
    return (Array.isArray(data) ? data : [data]).map((input) => normalize(validateUpdate(input)))
  }
}

function validateCreate(input: CreateRegionInput): CreateRegionInput {
  if (typeof input.name !== "string" || input.name.trim() === "") invalid("name is required")
  if (input.currency_code === undefined || input.currency_code === null) invalid("currency_code is required")
  return validateUpdate(input as UpdateRegionInput) as CreateRegionInput
}

function validateUpdate<T extends Partial<CreateRegionInput>>(input: T): T {
  if (input.name !== undefined && (typeof input.name !== "string" || input.name.trim() === "")) {
    invalid("name must be a non-empty string")
  }
  if (input.currency_code !== undefined && !/^[a-z]{3}$/i.test(String(input.currency_code))) {
    invalid(`currency_code must be a 3-letter ISO 4217 code, got "${String(input.currency_code)}"`)
  }
  if (input.countries !== undefined && (!Array.isArray(input.countries) || input.countries.some((c) => typeof c !== "string"))) {
    invalid("countries must be a list of ISO 3166-1 alpha-2 codes")
  }
  return input
}

/** Currency and country codes are stored lowercase, as the API uses them. */
function normalize<T extends Partial<CreateRegionInput>>(input: T): T {
  const normalized = { ...input }
  if (typeof input.currency_code === "string") normalized.currency_code = input.currency_code.toLowerCase()
  if (input.countries) normalized.countries = [...new Set(input.countries.map((code) => code.trim().toLowerCase()))]
  return normalized
}

function invalid(reason: string): never {
  throw new AgoraError(AgoraError.Types.INVALID_DATA, `Region: ${reason}`)
}
