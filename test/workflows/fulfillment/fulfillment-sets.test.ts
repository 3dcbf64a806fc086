import { afterAll, beforeAll, describe, expect, test } from "vitest"
import {
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  deleteFulfillmentSetsWorkflow,
  deleteShippingProfilesWorkflow,
} from "../../../src/workflows/fulfillment/index.ts"
import { failureMessage, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { optionInput, shippingLocation, shippingState } from "./shipping-setup-app.ts"

let t: CommerceApp
beforeAll(async () => {
  t = await startCommerceApp()
})
afterAll(() => t?.close())

describe("createServiceZonesWorkflow", () => {
  test("adds a zone with its geo zones to a fulfillment set", async () => {
    const { fulfillmentSetId } = await shippingLocation(t)
    const { result } = await createServiceZonesWorkflow(t.container).run({
      input: { data: [{ fulfillment_set_id: fulfillmentSetId, name: "Europe", geo_zones: [{ type: "country", country_code: "FR" }] }] },
    })
    expect(result[0]).toMatchObject({ name: "Europe", fulfillment_set_id: fulfillmentSetId })
    expect(await t.fulfillment.listGeoZones({ service_zone_id: result[0]!.id })).toMatchObject([{ type: "country", country_code: "fr" }])
  })

  test("an unknown set is not_found, an invalid geo zone invalid_data; a failure after creating removes the zone", async () => {
    const { fulfillmentSetId } = await shippingLocation(t)
    const before = await shippingState(t)

    expect(
      await workflowFailure(createServiceZonesWorkflow(t.container).run({ input: { data: [{ fulfillment_set_id: "fuset_missing", name: "Nowhere" }] } })),
    ).toMatchObject({ type: "not_found", message: "Fulfillment set with id: fuset_missing was not found" })
    const invalid = await workflowFailure(
      createServiceZonesWorkflow(t.container).run({
        input: { data: [{ fulfillment_set_id: fulfillmentSetId, name: "Bad", geo_zones: [{ type: "province", country_code: "us" }] }] },
      }),
    )
    expect(invalid.type).toBe("invalid_data")
    expect(invalid.message).toContain("province_code")
    await failureMessage(
      createServiceZonesWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { data: [{ fulfillment_set_id: fulfillmentSetId, name: "Temp", geo_zones: [{ country_code: "ca" }] }] },
      }),
    )
    expect(await shippingState(t)).toEqual(before)
  })
})

describe("deleteFulfillmentSetsWorkflow", () => {
  test("deletes a set with its zones and shipping options, which are no longer offered", async () => {
    const zone = await shippingLocation(t, ["mx"])
    const { result } = await createShippingOptionsWorkflow(t.container).run({ input: { shipping_options: [optionInput(zone)] } })

    await deleteFulfillmentSetsWorkflow(t.container).run({ input: { ids: [zone.fulfillmentSetId] } })

    expect(await t.fulfillment.listServiceZones({ id: zone.serviceZoneId })).toEqual([])
    expect(await t.fulfillment.listShippingOptions({ id: result[0]!.id })).toEqual([])
    expect(await t.fulfillment.listShippingOptionsForContext({ address: { country_code: "mx" } })).toEqual([])
  })

  test("an unknown set is not_found; a failure after the delete restores everything", async () => {
    const zone = await shippingLocation(t, ["br"])
    await createShippingOptionsWorkflow(t.container).run({ input: { shipping_options: [optionInput(zone)] } })
    const before = await shippingState(t)

    expect(await workflowFailure(deleteFulfillmentSetsWorkflow(t.container).run({ input: { ids: ["fuset_missing"] } }))).toMatchObject({ type: "not_found" })
    await failureMessage(deleteFulfillmentSetsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [zone.fulfillmentSetId] } }))

    expect(await shippingState(t)).toEqual(before)
    expect(await t.fulfillment.listShippingOptionsForContext({ address: { country_code: "br" } })).toHaveLength(1)
  })
})

describe("shipping profiles", () => {
  test("creates and deletes a profile; one used by an option cannot be deleted", async () => {
    const { result } = await createShippingProfilesWorkflow(t.container).run({ input: { data: [{ name: "Gift cards", type: "gift_card" }] } })
    expect(result[0]).toMatchObject({ name: "Gift cards", type: "gift_card" })
    await deleteShippingProfilesWorkflow(t.container).run({ input: { ids: [result[0]!.id] } })
    expect(await t.fulfillment.listShippingProfiles({ id: result[0]!.id })).toEqual([])

    const zone = await shippingLocation(t)
    await createShippingOptionsWorkflow(t.container).run({ input: { shipping_options: [optionInput(zone)] } })
    const used = await workflowFailure(deleteShippingProfilesWorkflow(t.container).run({ input: { ids: [zone.profileId] } }))
    expect(used.type).toBe("not_allowed")
    expect(await workflowFailure(deleteShippingProfilesWorkflow(t.container).run({ input: { ids: ["sp_missing"] } }))).toMatchObject({ type: "not_found" })
  })

  test("failures after creating or deleting leave the profiles as they were", async () => {
    const before = await shippingState(t)
    await failureMessage(createShippingProfilesWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { data: [{ name: "Temp", type: "default" }] } }))
    expect(await shippingState(t)).toEqual(before)

    const { result } = await createShippingProfilesWorkflow(t.container).run({ input: { data: [{ name: "Bulky", type: "default" }] } })
    const kept = await shippingState(t)
    await failureMessage(deleteShippingProfilesWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [result[0]!.id] } }))
    expect(await shippingState(t)).toEqual(kept)
  })
})
