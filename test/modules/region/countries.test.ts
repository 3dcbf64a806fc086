import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection } from "../../framework/modules/blog-app.ts"
import { startRegionApp } from "./region-app.ts"
import type { RegionApp } from "./region-app.ts"

let t: RegionApp
beforeAll(async () => {
  t = await startRegionApp()
})
afterAll(() => t.close())

test("the migration seeds every ISO 3166 country, none in a region", async () => {
  const countries = await t.regions.listCountries()

  expect(countries.length).toBeGreaterThanOrEqual(249)
  expect(countries.every((country) => country.region_id === null)).toBe(true)
  expect(countries.every((country) => /^[a-z]{2}$/.test(country.iso_2) && /^[a-z]{3}$/.test(country.iso_3))).toBe(true)
  expect(countries.map((country) => country.iso_2)).toEqual([...countries.map((c) => c.iso_2)].sort())
})

test("a country carries its ISO codes, its upper-case name and a display name", async () => {
  expect(await t.regions.retrieveCountry("us")).toEqual({
    iso_2: "us",
    iso_3: "usa",
    num_code: "840",
    name: "UNITED STATES",
    display_name: "United States",
    region_id: null,
    metadata: null,
  })
  expect(await t.regions.retrieveCountry("AF")).toMatchObject({ iso_3: "afg", num_code: "004", display_name: "Afghanistan" })
  expect(await t.regions.retrieveCountry("ci")).toMatchObject({ name: "CÔTE D'IVOIRE" })
})

test("countries filter by code and by region, and page", async () => {
  const region = await t.regions.createRegions({ name: "Nordics", currency_code: "eur", countries: ["se", "fi"] })

  expect((await t.regions.listCountries({ iso_2: ["DK", "se"] })).map((c) => c.iso_2)).toEqual(["dk", "se"])
  expect((await t.regions.listCountries({ region_id: region.id })).map((c) => c.iso_2)).toEqual(["fi", "se"])
  const free = await t.regions.listCountries({ region_id: null })
  expect(free.some((c) => c.iso_2 === "se")).toBe(false)
  expect(free.some((c) => c.iso_2 === "dk")).toBe(true)
  expect((await t.regions.listCountries({}, { take: 2, skip: 1 })).map((c) => c.iso_2)).toEqual(["ae", "af"])
})

test("an unknown country code is not found, naming the code", async () => {
  const error = await rejection(t.regions.retrieveCountry("zz"))
  expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  expect(error.message).toBe("Country with iso_2: zz was not found")
})
