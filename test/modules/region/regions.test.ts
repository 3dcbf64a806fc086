import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection } from "../../framework/modules/blog-app.ts"
import { startRegionApp } from "./region-app.ts"
import type { RegionApp } from "./region-app.ts"

let t: RegionApp
beforeAll(async () => {
  t = await startRegionApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

const codesOf = (region: { countries?: { iso_2: string }[] }) => region.countries?.map((country) => country.iso_2)
const regionOf = async (iso2: string) => (await t.regions.retrieveCountry(iso2)).region_id

describe("creating regions", () => {
  test("a region claims its countries and comes back with them; codes are stored lowercase", async () => {
    const region = await t.regions.createRegions({ name: "North America", currency_code: "USD", countries: ["US", "ca"] })

    expect(region).toMatchObject({
      id: expect.stringMatching(/^reg_[0-9A-HJKMNP-TV-Z]{26}$/),
      name: "North America",
      currency_code: "usd",
      automatic_taxes: true,
      is_tax_inclusive: false,
      metadata: null,
    })
    expect(codesOf(region)).toEqual(["ca", "us"])
    expect(region.countries?.[0]).toMatchObject({ display_name: "Canada", region_id: region.id })
    expect(await regionOf("us")).toBe(region.id)
    expect(codesOf(await t.regions.retrieveRegion(region.id, { relations: ["countries"] }))).toEqual(["ca", "us"])
  })

  test("a region without countries has an empty list; several are created at once", async () => {
    const [empty, europe] = await t.regions.createRegions([
      { name: "Nowhere", currency_code: "usd", automatic_taxes: false, is_tax_inclusive: true },
      { name: "Europe", currency_code: "eur", countries: ["de"], metadata: { vat: true } },
    ])

    expect(empty).toMatchObject({ name: "Nowhere", automatic_taxes: false, is_tax_inclusive: true, countries: [] })
    expect(europe).toMatchObject({ name: "Europe", metadata: { vat: true } })
    expect(codesOf(europe!)).toEqual(["de"])
  })

  test("a country already in another region is refused, naming the country and that region", async () => {
    const northAmerica = await t.regions.createRegions({ name: "North America", currency_code: "usd", countries: ["us"] })

    const error = await rejection(t.regions.createRegions({ name: "US only", currency_code: "usd", countries: ["mx", "us"] }))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(
      `Countries with codes: "us" are already assigned to a region ("us" belongs to region North America (${northAmerica.id}))`,
    )
    expect(await t.regions.listRegions({ name: "US only" })).toEqual([])
    expect(await regionOf("mx")).toBeNull()
  })

  test("an unknown country code is refused, naming it, and nothing is created", async () => {
    const error = await rejection(t.regions.createRegions({ name: "Atlantis", currency_code: "eur", countries: ["fr", "zz", "qq"] }))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Countries with codes: "zz", "qq" do not exist`)
    expect(await t.regions.listRegions()).toEqual([])
    expect(await regionOf("fr")).toBeNull()
  })

  test("two regions of one call cannot share a country", async () => {
    const error = await rejection(
      t.regions.createRegions([
        { name: "A", currency_code: "eur", countries: ["fr"] },
        { name: "B", currency_code: "eur", countries: ["FR"] },
      ]),
    )
    expect(error.message).toMatch(/^Country "fr" cannot be assigned to both region A \(reg_\w+\) and region B \(reg_\w+\)$/)
    expect(await t.regions.listRegions()).toEqual([])
  })

  test("two regions racing for one country: exactly one gets it", async () => {
    const results = await Promise.allSettled(
      ["First", "Second", "Third"].map((name) => t.regions.createRegions({ name, currency_code: "eur", countries: ["it"] })),
    )

    const won = results.filter((result) => result.status === "fulfilled")
    expect(won).toHaveLength(1)
    const losers = results.filter((result): result is PromiseRejectedResult => result.status === "rejected")
    for (const loser of losers) expect(String(loser.reason.message)).toMatch(/"it"/)
    expect(await t.regions.listRegions()).toHaveLength(1)
    expect(await regionOf("it")).toBe((await t.regions.listRegions())[0]?.id)
  })

  test.each([
    [{ currency_code: "usd" }, "Region: name is required"],
    [{ name: " ", currency_code: "usd" }, "Region: name is required"],
    [{ name: "X" }, "Region: currency_code is required"],
    [{ name: "X", currency_code: "dollars" }, `Region: currency_code must be a 3-letter ISO 4217 code, got "dollars"`],
    [{ name: "X", currency_code: "usd", countries: "us" }, "Region: countries must be a list of ISO 3166-1 alpha-2 codes"],
  ])("invalid input %j fails with invalid_data naming the field", async (input, message) => {
    const error = await rejection(t.regions.createRegions(input as never))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(message)
  })
})

describe("updating and deleting regions", () => {
  test("countries given on update replace the region's countries; the dropped ones are free again", async () => {
    const region = await t.regions.createRegions({ name: "EU", currency_code: "eur", countries: ["de", "fr"] })

    const updated = await t.regions.updateRegions({ id: region.id, countries: ["fr", "es"], currency_code: "EUR" })

    expect(codesOf(updated)).toEqual(["es", "fr"])
    expect(updated.currency_code).toBe("eur")
    expect(await regionOf("de")).toBeNull()
    expect((await t.regions.createRegions({ name: "Germany", currency_code: "eur", countries: ["de"] })).countries).toHaveLength(1)
  })

  test("an update without countries leaves them as they are; an empty list frees them all", async () => {
    const region = await t.regions.createRegions({ name: "EU", currency_code: "eur", countries: ["de"] })

    const renamed = await t.regions.updateRegions({ id: region.id, name: "Europe" })
    expect(renamed).toMatchObject({ name: "Europe" })
    expect(codesOf(renamed)).toEqual(["de"])

    expect(codesOf(await t.regions.updateRegions({ id: region.id, countries: [] }))).toEqual([])
    expect(await regionOf("de")).toBeNull()
  })

  test("an update cannot take a country from another region, and changes nothing when it fails", async () => {
    const us = await t.regions.createRegions({ name: "US", currency_code: "usd", countries: ["us"] })
    const ca = await t.regions.createRegions({ name: "Canada", currency_code: "cad", countries: ["ca"] })

    const error = await rejection(t.regions.updateRegions({ id: ca.id, name: "Renamed", countries: ["ca", "us"] }))

    expect(error.message).toBe(`Countries with codes: "us" are already assigned to a region ("us" belongs to region US (${us.id}))`)
    expect(await t.regions.retrieveRegion(ca.id)).toMatchObject({ name: "Canada" })
    expect(await regionOf("ca")).toBe(ca.id)
  })

  test("updates by selector and in bulk", async () => {
    const [a, b] = await t.regions.createRegions([
      { name: "A", currency_code: "usd" },
      { name: "B", currency_code: "usd" },
    ])

    const byCurrency = await t.regions.updateRegions({ selector: { currency_code: "usd" }, data: { automatic_taxes: false } })
    expect(byCurrency.map((region) => region.automatic_taxes)).toEqual([false, false])

    const bulk = await t.regions.updateRegions([
      { id: a!.id, countries: ["be"] },
      { id: b!.id, countries: ["nl"] },
    ])
    expect(bulk.map(codesOf)).toEqual([["be"], ["nl"]])
  })

  test("updating a missing region is not_found, naming the id", async () => {
    const error = await rejection(t.regions.updateRegions({ id: "reg_missing", name: "x" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Region with id: reg_missing was not found")
  })

  test("an update with an empty name fails naming the field", async () => {
    const region = await t.regions.createRegions({ name: "EU", currency_code: "eur" })
    const error = await rejection(t.regions.updateRegions({ id: region.id, name: "" }))
    expect(error.message).toBe("Region: name must be a non-empty string")
  })

  test("soft-deleting a region frees its countries; restoring it does not take them back", async () => {
    const region = await t.regions.createRegions({ name: "EU", currency_code: "eur", countries: ["at"] })

    await t.regions.softDeleteRegions(region.id)
    expect(await t.regions.listRegions()).toEqual([])
    expect(await regionOf("at")).toBeNull()

    await t.regions.restoreRegions(region.id)
    expect(codesOf(await t.regions.retrieveRegion(region.id, { relations: ["countries"] }))).toEqual([])
  })

  test("deleting a region frees its countries", async () => {
    const region = await t.regions.createRegions({ name: "EU", currency_code: "eur", countries: ["pt"] })
    await t.regions.deleteRegions(region.id)
    expect(await regionOf("pt")).toBeNull()
  })
})

describe("generated reads", () => {
  test("list, listAndCount with q and paging, retrieve", async () => {
    await t.regions.createRegions([
      { name: "North America", currency_code: "usd" },
      { name: "Europe", currency_code: "eur" },
      { name: "South America", currency_code: "brl" },
    ])

    const [americas, count] = await t.regions.listAndCountRegions({ q: "america" }, { take: 1, order: { name: "ASC" } })
    expect(count).toBe(2)
    expect(americas.map((region) => region.name)).toEqual(["North America"])
    expect((await t.regions.listRegions({ currency_code: "eur" })).map((r) => r.name)).toEqual(["Europe"])
    const error = await rejection(t.regions.retrieveRegion("reg_nope"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  })
})
