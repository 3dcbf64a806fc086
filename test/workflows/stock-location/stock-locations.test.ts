import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { createStockLocationsWorkflow, linkSalesChannelsToStockLocationWorkflow } from "../../../src/workflows/stock-location/index.ts"
import { catalogState, recordEvents, scopeFailing, startCatalogApp, workflowFailure } from "../product/app.ts"
import type { CatalogApp } from "../product/app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

const address = { address_1: "1 Dock Road", city: "Rotterdam", country_code: "nl" }

async function channelsOf(locationId: string): Promise<string[]> {
  const { data } = await t.query.graph<{ sales_channels: { id: string }[] }>({
    entity: "stock_location",
    fields: ["sales_channels.id"],
    filters: { id: locationId },
  })
  return (data[0]?.sales_channels ?? []).map((channel) => channel.id).sort()
}

async function channels(...names: string[]): Promise<string[]> {
  return (await t.channels.createSalesChannels(names.map((name) => ({ name })))).map((channel) => channel.id)
}

describe("createStockLocationsWorkflow", () => {
  test("creates locations with their addresses", async () => {
    const { result } = await createStockLocationsWorkflow(t.container).run({
      input: { locations: [{ name: "Rotterdam", address }, { name: "Pop-up" }] },
    })

    expect(result).toMatchObject([{ name: "Rotterdam", address: { city: "Rotterdam", country_code: "nl" } }, { name: "Pop-up" }])
    expect(await t.locations.listStockLocations({ id: result.map((location) => location.id) })).toHaveLength(2)
    expect(await events.drain()).toEqual(result.map((location) => ({ name: "stock-location.created", data: { id: location.id } })))
  })

  test("a location without a name is invalid_data, and none of the batch is created", async () => {
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      createStockLocationsWorkflow(t.container).run({ input: { locations: [{ name: "Good", address }, { name: " " }] } }),
    )

    expect(stepId).toBe("create-stock-locations-step")
    expect(cause.type).toBe("invalid_data")
    expect(cause.message).toContain("name")
    expect(await catalogState(t)).toEqual(before)
  })

  test("when announcing fails, the locations and their addresses are deleted", async () => {
    const before = await catalogState(t)

    await workflowFailure(createStockLocationsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { locations: [{ name: "Temp", address }] } }))

    expect(await catalogState(t)).toEqual(before)
  })
})

describe("linkSalesChannelsToStockLocationWorkflow", () => {
  test("adds and removes the sales channels that sell from a location", async () => {
    const location = await t.locations.createStockLocations({ name: "Hub" })
    const [web, app, pos] = await channels("Web", "App", "POS")
    await linkSalesChannelsToStockLocationWorkflow(t.container).run({ input: { id: location.id, add: [web!, app!] } })

    await linkSalesChannelsToStockLocationWorkflow(t.container).run({ input: { id: location.id, add: [pos!, web!], remove: [app!, "sc_never_linked"] } })

    expect(await channelsOf(location.id)).toEqual([web!, pos!].sort())
  })

  test("an unknown location is not_found", async () => {
    const { stepId, cause } = await workflowFailure(
      linkSalesChannelsToStockLocationWorkflow(t.container).run({ input: { id: "sloc_missing", add: [] } }),
    )

    expect(stepId).toBe("validate-stock-location-step")
    expect(cause).toMatchObject({ type: "not_found", message: "Stock location sloc_missing was not found" })
  })

  test("an unknown sales channel fails: removed links come back, and links that were there before stay", async () => {
    const location = await t.locations.createStockLocations({ name: "Depot" })
    const [web, app] = await channels("Web", "App")
    await linkSalesChannelsToStockLocationWorkflow(t.container).run({ input: { id: location.id, add: [web!, app!] } })
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      linkSalesChannelsToStockLocationWorkflow(t.container).run({ input: { id: location.id, add: [web!, "sc_missing"], remove: [app!] } }),
    )

    expect(stepId).toBe("create-links-step")
    expect(cause).toMatchObject({ type: "not_found", message: "sales_channel with id: sc_missing was not found" })
    expect(await catalogState(t)).toEqual(before)
    expect(await channelsOf(location.id)).toEqual([web!, app!].sort())
  })
})
