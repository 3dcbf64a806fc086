import type { Database } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { pageClause } from "../../framework/modules/index.ts"
import type { CountryDTO } from "./models/country.ts"

export type CountryClaim = { region: { id: string; name: string }; countries: string[] | undefined }

export type CountryFilters = {
  iso_2?: string | string[]
  /** `null` selects the countries no region has claimed. */
  region_id?: string | string[] | null
}

type Holder = { iso_2: string; region_id: string | null; region_name: string | null }

/**
 * Gives each region its countries. A country must exist and belong to no other region; the UPDATE
 * only takes countries that are still free, so two regions racing for one country cannot both win.
 */
export async function claimCountries(database: Database, claims: CountryClaim[]): Promise<void> {
  const claimer = new Map<string, CountryClaim["region"]>()
  for (const { region, countries } of claims) {
    for (const code of countries ?? []) {
      const other = claimer.get(code)
      if (other && other.id !== region.id) {
        throw invalid(`Country "${code}" cannot be assigned to both ${describe(other.id, other.name)} and ${describe(region.id, region.name)}`)
      }
      claimer.set(code, region)
    }
  }
  if (claimer.size === 0) return
  await checkClaims(database, claimer)

  for (const { region, countries } of claims) {
    if (!countries?.length) continue
    const taken = await database.execute<{ iso_2: string }>(
      `update "region_country" set "region_id" = ?, "updated_at" = now()
       where "iso_2" in (${placeholders(countries)}) and ("region_id" is null or "region_id" = ?) returning "iso_2"`,
      [region.id, ...countries, region.id],
    )
    if (taken.length !== countries.length) {
      // Another region took one of them since the check: checking again names it.
      await checkClaims(database, claimer)
      throw invalid(`Countries with codes: ${quoted(countries)} could not be assigned to ${describe(region.id, region.name)}`)
    }
  }
}

/** Frees every country of the given regions. */
export async function releaseCountries(database: Database, regionIds: string[]): Promise<void> {
  if (regionIds.length === 0) return
  await database.execute(
    `update "region_country" set "region_id" = null, "updated_at" = now() where "region_id" in (${placeholders(regionIds)}) returning "iso_2"`,
    regionIds,
  )
}

export async function listCountries(
  database: Database,
  filters: CountryFilters,
  config: { take?: number; skip?: number },
): Promise<CountryDTO[]> {
  const conditions = [`"deleted_at" is null`]
  const params: unknown[] = []
  if (filters.iso_2 !== undefined) {
    const codes = (Array.isArray(filters.iso_2) ? filters.iso_2 : [filters.iso_2]).map((code) => code.toLowerCase())
    conditions.push(codes.length > 0 ? `"iso_2" in (${placeholders(codes)})` : "false")
    params.push(...codes)
  }
  if (filters.region_id === null) conditions.push(`"region_id" is null`)
  else if (filters.region_id !== undefined) {
    const ids = Array.isArray(filters.region_id) ? filters.region_id : [filters.region_id]
    conditions.push(ids.length > 0 ? `"region_id" in (${placeholders(ids)})` : "false")
    params.push(...ids)
  }
  let sql = `select "iso_2", "iso_3", "num_code", "name", "display_name", "region_id", "metadata"
    from "region_country" where ${conditions.join(" and ")} order by "iso_2"`
  sql += pageClause(config, params)
  return database.execute<CountryDTO>(sql, params)
}

async function checkClaims(database: Database, claimer: Map<string, CountryClaim["region"]>): Promise<void> {
  const codes = [...claimer.keys()]
  const holders = await database.execute<Holder>(
    `select c."iso_2", c."region_id", r."name" as "region_name"
     from "region_country" c left join "region" r on r."id" = c."region_id"
     where c."iso_2" in (${placeholders(codes)}) and c."deleted_at" is null`,
    codes,
  )
  const unknown = codes.filter((code) => !holders.some((holder) => holder.iso_2 === code))
  if (unknown.length > 0) throw invalid(`Countries with codes: ${quoted(unknown)} do not exist`)

  const taken = holders.filter((holder) => holder.region_id !== null && holder.region_id !== claimer.get(holder.iso_2)?.id)
  if (taken.length > 0) {
    const owners = taken.map((holder) => `"${holder.iso_2}" belongs to ${describe(holder.region_id ?? "", holder.region_name)}`)
    throw invalid(`Countries with codes: ${quoted(taken.map((h) => h.iso_2))} are already assigned to a region (${owners.join(", ")})`)
  }
}

function describe(id: string, name: string | null): string {
  return name ? `region ${name} (${id})` : `region ${id}`
}

function quoted(codes: string[]): string {
  return codes.map((code) => `"${code}"`).join(", ")
}

function placeholders(values: unknown[]): string {
  return values.map(() => "?").join(", ")
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
