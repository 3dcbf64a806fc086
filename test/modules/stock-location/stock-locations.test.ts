import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { STOCK_LOCATION_MODULE } from "../../../src/modules/stock-location/index.ts"
import type { StockLocationModuleService } from "../../../src/modules/stock-location/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let locations: StockLocationModuleService
beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/stock-location" }] })
  locations = t.app.container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE)
})
afterAll(() => t.close())
beforeEach(() => rows("truncate stock_location, stock_location_address"))

function rows(sql: string, params: unknown[] = []) {
  return t.app.database.execute(sql, params)
}

async function rejection(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the call to fail"),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AgoraError)
  return error as AgoraError
}

const warehouse = { address_1: "1 Dock Road", city: "Copenhagen", country_code: "DK", postal_code: "2100" }

describe("create", () => {
  test("a location with its address in one call; the name is trimmed, the country code lowercased", async () => {
    const location = await locations.createStockLocations({ name: "  Main warehouse ", address: warehouse, metadata: { dock: 3 } })

    expect(location).toMatchObject({ name: "Main warehouse", metadata: { dock: 3 } })
    expect(location.id).toMatch(/^sloc_/)
    expect(location.address).toMatchObject({ ...warehouse, country_code: "dk", address_2: null, phone: null })
    expect(location.address?.id).toMatch(/^laddr_/)
    expect(location.address_id).toBe(location.address?.id)
    const loaded = await locations.retrieveStockLocation(location.id, { relations: ["address"] })
    expect(loaded.address).toEqual(location.address)
  })

  test("several at once, with and without an address, or pointing at an existing one", async () => {
    const [a, b] = await locations.createStockLocations([{ name: "A", address: warehouse }, { name: "B" }])
    const c = await locations.createStockLocations({ name: "C", address_id: a!.address_id })

    expect(b).toMatchObject({ name: "B", address_id: null })
    expect(b).not.toHaveProperty("address")
    expect(c.address_id).toBe(a!.address_id)
    expect(await rows("select id from stock_location_address")).toHaveLength(1)
  })

  test("a blank name or an address without address_1 or country_code is invalid_data naming the field; nothing is written", async () => {
    const blank = await rejection(locations.createStockLocations({ name: "  " }))
    expect(blank.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(blank.message).toBe("name of a stock location is required")

    const noCountry = await rejection(
      locations.createStockLocations([{ name: "Fine" }, { name: "Main", address: { address_1: "1 Dock Road" } as typeof warehouse }]),
    )
    expect(noCountry.message).toBe('address.country_code of stock location "Main" is required')
    const noStreet = await rejection(locations.createStockLocations({ name: "Main", address: { country_code: "dk" } as typeof warehouse }))
    expect(noStreet.message).toBe('address.address_1 of stock location "Main" is required')
    expect(await rows("select id from stock_location")).toEqual([])
  })
})

describe("read", () => {
  test("list, listAndCount with q over the name, retrieve not_found", async () => {
    await locations.createStockLocations([{ name: "Copenhagen", address: warehouse }, { name: "Berlin" }, { name: "Bergen" }])

    const found = await locations.listStockLocations({ q: "ber" }, { order: { name: "ASC" }, relations: ["address"] })
    expect(found.map((l) => [l.name, l.address])).toEqual([
      ["Bergen", null],
      ["Berlin", null],
    ])
    const [page, count] = await locations.listAndCountStockLocations({}, { take: 1 })
    expect([page.length, count]).toEqual([1, 3])
    const error = await rejection(locations.retrieveStockLocation("sloc_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("StockLocation with id: sloc_missing was not found")
  })
})

describe("update", () => {
  test("the name, and the address changed in place", async () => {
    const location = await locations.createStockLocations({ name: "Main", address: warehouse })

    const updated = await locations.updateStockLocations({ id: location.id, name: " Main hall ", address: { city: "Aarhus", country_code: "DK " } })

    expect(updated).toMatchObject({ name: "Main hall", address_id: location.address_id })
    expect(updated.address).toMatchObject({ id: location.address_id, address_1: "1 Dock Road", city: "Aarhus", country_code: "dk" })
    expect(await rows("select id from stock_location_address")).toHaveLength(1)
  })

  test("a location without an address gets one, which must then be complete", async () => {
    const location = await locations.createStockLocations({ name: "Shop" })

    const incomplete = await rejection(locations.updateStockLocations({ id: location.id, address: { city: "Oslo" } }))
    expect(incomplete.message).toBe(`address.address_1 of stock location ${location.id} is required`)

    const updated = await locations.updateStockLocations({ id: location.id, address: { address_1: "Storgata 1", country_code: "NO" } })
    expect(updated.address).toMatchObject({ address_1: "Storgata 1", country_code: "no" })
    expect((await locations.retrieveStockLocation(location.id)).address_id).toBe(updated.address?.id)
  })

  test("by selector, and refusing to blank a required field or update an unknown location", async () => {
    const location = await locations.createStockLocations({ name: "Main", address: warehouse })
    await locations.createStockLocations({ name: "Other" })

    const updated = await locations.updateStockLocations({ selector: { name: "Main" }, data: { metadata: { open: true } } })
    expect(updated.map((l) => [l.name, l.metadata])).toEqual([["Main", { open: true }]])

    const blank = await rejection(locations.updateStockLocations({ id: location.id, address: { country_code: "" } }))
    expect(blank.message).toBe(`address.country_code of stock location ${location.id} is required`)
    const missing = await rejection(locations.updateStockLocations({ id: "sloc_missing", name: "x", address: warehouse }))
    expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(await rows("select id from stock_location_address")).toHaveLength(1)
  })
})

describe("delete", () => {
  test("delete removes the location and the address it alone uses", async () => {
    const [a, b] = await locations.createStockLocations([{ name: "A", address: warehouse }, { name: "B", address: warehouse }])
    const shared = await locations.createStockLocations({ name: "Shares B's", address_id: b!.address_id })

    await locations.deleteStockLocations([a!.id, b!.id])

    expect((await locations.listStockLocations()).map((l) => l.id)).toEqual([shared.id])
    expect(await rows("select id from stock_location_address")).toEqual([{ id: b!.address_id }])
  })

  test("softDelete hides the location and its address; restore brings both back", async () => {
    const location = await locations.createStockLocations({ name: "A", address: warehouse })

    await locations.softDeleteStockLocations(location.id)
    expect(await locations.listStockLocations()).toEqual([])
    expect(await locations.listStockLocationAddresses()).toEqual([])

    await locations.restoreStockLocations(location.id)
    const restored = await locations.retrieveStockLocation(location.id, { relations: ["address"] })
    expect(restored.address).toMatchObject({ id: location.address_id, city: "Copenhagen" })
  })
})
