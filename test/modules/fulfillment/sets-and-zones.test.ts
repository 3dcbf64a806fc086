import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, startFulfillmentApp, unique } from "./fulfillment-app.ts"
import type { FulfillmentApp } from "./fulfillment-app.ts"

let t: FulfillmentApp
beforeAll(async () => {
  t = await startFulfillmentApp()
})
afterAll(() => t.close())

const withZones = ["service_zones", "service_zones.geo_zones"]

describe("createFulfillmentSets", () => {
  test("creates a set with its service zones and geo zones in one call; country codes are kept in lower case", async () => {
    const set = await t.fulfillment.createFulfillmentSets({
      name: "Warehouse shipping",
      type: "shipping",
      service_zones: [
        {
          name: "North America",
          geo_zones: [
            { type: "country", country_code: "US" },
            { type: "province", country_code: "ca", province_code: "qc" },
          ],
        },
        { name: "Copenhagen", geo_zones: [{ type: "city", country_code: "dk", province_code: "84", city: "Copenhagen" }] },
      ],
    })

    expect(set.id).toMatch(/^fuset_/)
    const loaded = await t.fulfillment.retrieveFulfillmentSet(set.id, { relations: withZones })
    expect(loaded).toMatchObject({ name: "Warehouse shipping", type: "shipping" })
    const zones = [...(loaded.service_zones ?? [])].sort((a, b) => a.name.localeCompare(b.name))
    expect(zones.map((zone) => [zone.name, zone.fulfillment_set_id])).toEqual([
      ["Copenhagen", set.id],
      ["North America", set.id],
    ])
    expect(zones[0]?.id).toMatch(/^serzo_/)
    const northAmerica = zones[1]?.geo_zones?.map((g) => [g.type, g.country_code, g.province_code]).sort()
    expect(northAmerica).toEqual([
      ["country", "us", null],
      ["province", "ca", "qc"],
    ])
    expect(zones[0]?.geo_zones?.[0]).toMatchObject({ type: "city", city: "Copenhagen", service_zone_id: zones[0]?.id })
    expect(zones[0]?.geo_zones?.[0]?.id).toMatch(/^fgz_/)
  })

  test("a set of an unknown type, or without a name, is refused naming the field", async () => {
    const type = await rejection(t.fulfillment.createFulfillmentSets({ name: unique("set"), type: "drone" as "shipping" }))
    expect([type.type, type.message]).toEqual([
      AgoraError.Types.INVALID_DATA,
      'fulfillment_set.type must be one of shipping, pickup, got "drone"',
    ])

    const name = await rejection(t.fulfillment.createFulfillmentSets([{ name: unique("a"), type: "pickup" }, { name: " ", type: "pickup" }]))
    expect(name.message).toBe("fulfillment_sets[1].name is required")
  })

  test("a geo zone missing what its type needs is refused naming the field, and nothing is created", async () => {
    const name = unique("set")
    const error = await rejection(
      t.fulfillment.createFulfillmentSets({
        name,
        type: "shipping",
        service_zones: [{ name: unique("zone"), geo_zones: [{ type: "country", country_code: "us" }, { type: "city", country_code: "us", province_code: "ny" }] }],
      }),
    )
    expect([error.type, error.message]).toEqual([
      AgoraError.Types.INVALID_DATA,
      "fulfillment_set.service_zones[0].geo_zones[1].city is required for a geo zone of type city",
    ])
    expect(await t.fulfillment.listFulfillmentSets({ name })).toEqual([])
  })

  test("a country code that is not two letters is refused", async () => {
    const error = await rejection(
      t.fulfillment.createFulfillmentSets({
        name: unique("set"),
        type: "shipping",
        service_zones: [{ name: unique("zone"), geo_zones: [{ country_code: "usa" }] }],
      }),
    )
    expect(error.message).toBe('fulfillment_set.service_zones[0].geo_zones[0].country_code must be a two-letter ISO 3166-1 code, got "usa"')
  })

  test("set names are unique", async () => {
    const name = unique("set")
    await t.fulfillment.createFulfillmentSets({ name, type: "shipping" })
    const error = await rejection(t.fulfillment.createFulfillmentSets({ name, type: "pickup" }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toContain(name)
  })

  test("deleting a set deletes its zones", async () => {
    const set = await t.fulfillment.createFulfillmentSets({
      name: unique("set"),
      type: "shipping",
      service_zones: [{ name: unique("zone"), geo_zones: [{ country_code: "fr" }] }],
    })
    const zoneId = set.service_zones?.[0]?.id as string

    await t.fulfillment.deleteFulfillmentSets(set.id)

    expect(await t.fulfillment.listServiceZones({ id: zoneId })).toEqual([])
    expect(await t.fulfillment.listGeoZones({ service_zone_id: zoneId })).toEqual([])
  })
})

describe("service zones and geo zones", () => {
  test("createServiceZones adds a zone with geo zones to an existing set; updateServiceZones renames it", async () => {
    const set = await t.fulfillment.createFulfillmentSets({ name: unique("set"), type: "pickup" })
    const zone = await t.fulfillment.createServiceZones({
      name: unique("Europe"),
      fulfillment_set_id: set.id,
      geo_zones: [{ country_code: "DE" }, { type: "zip", country_code: "de", province_code: "be", city: "Berlin", postal_expression: "10*" }],
    })
    expect(zone.geo_zones?.map((g) => g.country_code)).toEqual(["de", "de"])

    const renamed = await t.fulfillment.updateServiceZones({ id: zone.id, name: unique("Central Europe") })
    expect(renamed.name).toMatch(/^Central Europe/)
    expect((await t.fulfillment.listServiceZones({ fulfillment_set_id: set.id })).map((z) => z.id)).toEqual([zone.id])
  })

  test("a service zone needs its fulfillment set", async () => {
    const error = await rejection(t.fulfillment.createServiceZones({ name: unique("zone"), fulfillment_set_id: "" }))
    expect(error.message).toBe("service_zone.fulfillment_set_id is required")
  })

  test("createGeoZones and updateGeoZones check the zone against its type", async () => {
    const set = await t.fulfillment.createFulfillmentSets({ name: unique("set"), type: "shipping", service_zones: [{ name: unique("zone") }] })
    const zoneId = set.service_zones?.[0]?.id as string

    const geo = await t.fulfillment.createGeoZones({ service_zone_id: zoneId, country_code: "IT" })
    expect(geo).toMatchObject({ type: "country", country_code: "it", service_zone_id: zoneId })

    const narrowed = await t.fulfillment.updateGeoZones({ id: geo.id, type: "province", province_code: "rm" })
    expect(narrowed).toMatchObject({ type: "province", country_code: "it", province_code: "rm" })

    const error = await rejection(t.fulfillment.updateGeoZones({ id: geo.id, type: "city" }))
    expect(error.message).toBe("geo_zone.city is required for a geo zone of type city")

    const missing = await rejection(t.fulfillment.updateGeoZones({ id: "fgz_missing", country_code: "us" }))
    expect([missing.type, missing.message]).toEqual([AgoraError.Types.NOT_FOUND, "GeoZone with id: fgz_missing was not found"])
  })
})
