import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createShippingOptionsWorkflow } from "../../../src/workflows/fulfillment/index.ts"
import {
  createLocationFulfillmentSetWorkflow,
  deleteStockLocationsWorkflow,
  linkFulfillmentProvidersToStockLocationWorkflow,
  updateStockLocationsWorkflow,
} from "../../../src/workflows/stock-location/index.ts"
import { failureMessage, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { optionInput, shippingLocation, shippingState } from "../fulfillment/shipping-setup-app.ts"

let t: CommerceApp
beforeAll(async () => {
  t = await startCommerceApp()
  await t.fulfillment.listFulfillmentProviders()
})
afterAll(() => t?.close())

async function locationGraph(id: string) {
  const { data } = await t.query.graph<{ fulfillment_sets: { id: string; name: string }[]; fulfillment_providers: { id: string }[] }>({
    entity: "stock_location",
    fields: ["fulfillment_sets.id", "fulfillment_sets.name", "fulfillment_providers.id"],
    filters: { id },
  })
  return data[0]
}

describe("updateStockLocationsWorkflow", () => {
  test("renames and changes the address in place, or gives the location one", async () => {
    const [withAddress, without] = await t.locations.createStockLocations([
      { name: "Dock", address: { address_1: "1 Quay", country_code: "nl" } },
      { name: "Shed" },
    ])
    const { result } = await updateStockLocationsWorkflow(t.container).run({
      input: { updates: [{ id: withAddress!.id, name: "Dock 1", address: { city: "Rotterdam" } }, { id: without!.id, address: { address_1: "2 Lane", country_code: "BE" } }] },
    })
    expect(result[0]).toMatchObject({ name: "Dock 1", address: { address_1: "1 Quay", city: "Rotterdam" } })
    expect(result[1]).toMatchObject({ name: "Shed", address: { country_code: "be" } })
  })

  test("an unknown location is not_found; a failure puts back the name and address, and removes an address it added", async () => {
    expect(await workflowFailure(updateStockLocationsWorkflow(t.container).run({ input: { updates: [{ id: "sloc_missing", name: "X" }] } }))).toMatchObject({
      type: "not_found",
      message: "Stock location with id: sloc_missing was not found",
    })
    const [withAddress, without] = await t.locations.createStockLocations([
      { name: "Yard", address: { address_1: "3 Road", country_code: "de", city: "Hamburg" } },
      { name: "Loft" },
    ])
    const before = await shippingState(t)
    await failureMessage(
      updateStockLocationsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: {
          updates: [
            { id: withAddress!.id, name: "Changed", address: { city: "Berlin" } },
            { id: without!.id, address: { address_1: "New", country_code: "fr" } },
          ],
        },
      }),
    )
    expect(await shippingState(t)).toEqual(before)
  })
})

describe("createLocationFulfillmentSetWorkflow and linkFulfillmentProvidersToStockLocationWorkflow", () => {
  test("give a location a shipping set and the providers it ships through", async () => {
    const location = await t.locations.createStockLocations({ name: "Depot" })
    await createLocationFulfillmentSetWorkflow(t.container).run({ input: { location_id: location.id, fulfillment_set_data: { name: "Depot shipping", type: "shipping" } } })
    await linkFulfillmentProvidersToStockLocationWorkflow(t.container).run({ input: { id: location.id, add: ["manual_manual"] } })

    expect(await locationGraph(location.id)).toMatchObject({
      fulfillment_sets: [{ name: "Depot shipping" }],
      fulfillment_providers: [{ id: "manual_manual" }],
    })
    await linkFulfillmentProvidersToStockLocationWorkflow(t.container).run({ input: { id: location.id, remove: ["manual_manual"] } })
    expect((await locationGraph(location.id))?.fulfillment_providers).toEqual([])
  })

  test("an unknown location, set type or provider fails and changes nothing", async () => {
    const location = await t.locations.createStockLocations({ name: "Annex" })
    const before = await shippingState(t)

    expect(
      await workflowFailure(
        createLocationFulfillmentSetWorkflow(t.container).run({ input: { location_id: "sloc_missing", fulfillment_set_data: { name: "X", type: "shipping" } } }),
      ),
    ).toMatchObject({ type: "not_found" })
    expect(
      (
        await workflowFailure(
          createLocationFulfillmentSetWorkflow(t.container).run({
            input: { location_id: location.id, fulfillment_set_data: { name: "X", type: "teleport" as "shipping" } },
          }),
        )
      ).type,
    ).toBe("invalid_data")
    expect(await workflowFailure(linkFulfillmentProvidersToStockLocationWorkflow(t.container).run({ input: { id: location.id, add: ["nope_nope"] } }))).toMatchObject({
      type: "not_found",
    })
    await failureMessage(
      createLocationFulfillmentSetWorkflow(scopeFailing(t, "link", "create")).run({
        input: { location_id: location.id, fulfillment_set_data: { name: "Annex shipping", type: "shipping" } },
      }),
    )
    expect(await shippingState(t)).toEqual(before)
  })
})

describe("deleteStockLocationsWorkflow", () => {
  test("deletes the location with its fulfillment sets, zones and options", async () => {
    const zone = await shippingLocation(t, ["jp"])
    const { result } = await createShippingOptionsWorkflow(t.container).run({ input: { shipping_options: [optionInput(zone)] } })

    await deleteStockLocationsWorkflow(t.container).run({ input: { ids: [zone.locationId] } })

    expect(await t.locations.listStockLocations({ id: zone.locationId })).toEqual([])
    expect(await t.fulfillment.listFulfillmentSets({ id: zone.fulfillmentSetId })).toEqual([])
    expect(await t.fulfillment.listShippingOptions({ id: result[0]!.id })).toEqual([])
  })

  test("an unknown location is not_found and deletes nothing; a failure after the delete restores all of it", async () => {
    const zone = await shippingLocation(t, ["kr"])
    await createShippingOptionsWorkflow(t.container).run({ input: { shipping_options: [optionInput(zone)] } })
    const before = await shippingState(t)

    expect(await workflowFailure(deleteStockLocationsWorkflow(t.container).run({ input: { ids: [zone.locationId, "sloc_missing"] } }))).toMatchObject({
      type: "not_found",
      message: "Stock location with id: sloc_missing was not found",
    })
    expect(await shippingState(t)).toEqual(before)

    await failureMessage(deleteStockLocationsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [zone.locationId] } }))
    expect(await shippingState(t)).toEqual(before)
    expect(await t.fulfillment.listShippingOptionsForContext({ address: { country_code: "kr" } })).toHaveLength(1)
  })
})
