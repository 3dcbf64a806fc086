import { afterAll, beforeAll, describe, expect, test } from "vitest"
import {
  createShippingOptionsWorkflow,
  deleteShippingOptionsWorkflow,
  updateShippingOptionsWorkflow,
} from "../../../src/workflows/fulfillment/index.ts"
import type { CreateShippingOptionWorkflowInput } from "../../../src/workflows/fulfillment/index.ts"
import { failureMessage, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { optionInput, shippingLocation, shippingState } from "./shipping-setup-app.ts"

let t: CommerceApp
let zone: Awaited<ReturnType<typeof shippingLocation>>
let regionId: string
beforeAll(async () => {
  t = await startCommerceApp()
  zone = await shippingLocation(t, ["us", "de"])
  regionId = (await t.regions.createRegions({ name: "Germany", currency_code: "eur", countries: ["de"] })).id
})
afterAll(() => t?.close())

const create = (options: CreateShippingOptionWorkflowInput[], container = t.container) =>
  createShippingOptionsWorkflow(container).run({ input: { shipping_options: options } })

async function pricesOf(optionId: string) {
  const { data } = await t.query.graph<{ prices: { currency_code: string; amount: string; price_rules: { attribute: string; value: string }[] }[] }>({
    entity: "shipping_option",
    fields: ["prices.currency_code", "prices.amount", "prices.price_rules.attribute", "prices.price_rules.value"],
    filters: { id: optionId },
  })
  return (data[0]?.prices ?? [])
    .map((price) => ({ currency_code: price.currency_code, amount: Number(price.amount), rules: price.price_rules.map((r) => `${r.attribute}=${r.value}`) }))
    .sort((a, b) => a.currency_code.localeCompare(b.currency_code))
}

describe("createShippingOptionsWorkflow", () => {
  test("creates an option with its type, rules and prices (a region price in the region's currency)", async () => {
    const { result } = await create([optionInput(zone, { prices: [{ currency_code: "usd", amount: 10 }, { region_id: regionId, amount: 8.5 }] })])
    const option = result[0]!

    expect(option).toMatchObject({ price_type: "flat", provider_id: "manual_manual", type: { label: "Standard", code: "standard" } })
    expect(option.rules).toHaveLength(2)
    expect(await pricesOf(option.id)).toEqual([
      { currency_code: "eur", amount: 8.5, rules: [`region_id=${regionId}`] },
      { currency_code: "usd", amount: 10, rules: [] },
    ])
    const offered = await t.fulfillment.listShippingOptionsForContext({ address: { country_code: "de" }, is_return: false, enabled_in_store: true })
    expect(offered.map((row) => row.id)).toContain(option.id)
  })

  test("a provider the location does not ship through is not_allowed, and nothing is created", async () => {
    const other = await t.locations.createStockLocations({ name: "No providers" })
    const set = await t.fulfillment.createFulfillmentSets({ name: "Bare set", type: "shipping", service_zones: [{ name: "Bare zone", geo_zones: [{ country_code: "us" }] }] })
    await t.link.create({ stock_location: { stock_location_id: other.id }, fulfillment: { fulfillment_set_id: set.id } })
    const before = await shippingState(t)

    const error = await workflowFailure(create([optionInput({ serviceZoneId: set.service_zones![0]!.id, profileId: zone.profileId })]))

    expect(error).toMatchObject({ type: "not_allowed", message: "Providers (manual_manual) are not enabled for the service location" })
    expect(await shippingState(t)).toEqual(before)
  })

  test("an unknown region in a price is invalid_data naming it, and nothing is created", async () => {
    const before = await shippingState(t)
    const error = await workflowFailure(create([optionInput(zone, { prices: [{ region_id: "reg_missing", amount: 3 }] })]))
    expect(error).toMatchObject({ type: "invalid_data", message: "prices[0].region_id: Region with id: reg_missing was not found" })
    expect(await shippingState(t)).toEqual(before)
  })

  test("when the price set cannot be linked, the option, its type, rules and prices are removed", async () => {
    const before = await shippingState(t)
    expect(await failureMessage(create([optionInput(zone)], scopeFailing(t, "link", "create")))).toContain("link.create is down")
    expect(await shippingState(t)).toEqual(before)
  })
})

describe("updateShippingOptionsWorkflow", () => {
  test("renames, gives a new type, replaces rules and prices", async () => {
    const { result } = await create([optionInput(zone)])
    const option = result[0]!
    const keep = option.rules!.find((rule) => rule.attribute === "is_return")!

    const { result: updated } = await updateShippingOptionsWorkflow(t.container).run({
      input: {
        shipping_options: [
          {
            id: option.id,
            name: "Express",
            type: { label: "Express", code: "express" },
            rules: [{ id: keep.id, value: "false" }, { attribute: "customer.group", operator: "in", value: ["vip"] }],
            prices: [{ currency_code: "usd", amount: 25 }],
          },
        ],
      },
    })

    expect(updated[0]).toMatchObject({ name: "Express", type: { label: "Express", code: "express" } })
    expect(updated[0]!.rules!.map((rule) => rule.attribute).sort()).toEqual(["customer.group", "is_return"])
    expect(await pricesOf(option.id)).toEqual([{ currency_code: "usd", amount: 25, rules: [] }])
  })

  test("an unknown option is not_found; a rule of another option is invalid_data; nothing changes", async () => {
    const { result } = await create([optionInput(zone), optionInput(zone)])
    const [first, second] = result
    const before = await shippingState(t)

    expect(await workflowFailure(updateShippingOptionsWorkflow(t.container).run({ input: { shipping_options: [{ id: "so_missing", name: "X" }] } }))).toMatchObject({
      type: "not_found",
      message: "Shipping option with id: so_missing was not found",
    })
    const foreign = await workflowFailure(
      updateShippingOptionsWorkflow(t.container).run({ input: { shipping_options: [{ id: first!.id, name: "Y", rules: [{ id: second!.rules![0]!.id, value: "x" }] }] } }),
    )
    expect(foreign.type).toBe("invalid_data")
    expect(await shippingState(t)).toEqual(before)
  })

  test("a failure after the update puts back the fields, type, rules and prices", async () => {
    const { result } = await create([optionInput(zone, { prices: [{ currency_code: "usd", amount: 10 }, { region_id: regionId, amount: 9 }] })])
    const option = result[0]!
    const before = await shippingState(t)

    await failureMessage(
      updateShippingOptionsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: {
          shipping_options: [
            { id: option.id, name: "Changed", type: { label: "New", code: "new" }, rules: [], prices: [{ currency_code: "gbp", amount: 1 }] },
          ],
        },
      }),
    )

    expect(await shippingState(t)).toEqual(before)
  })
})

describe("deleteShippingOptionsWorkflow", () => {
  test("soft-deletes options with their prices; an unknown id is not_found; a failure restores them", async () => {
    const { result } = await create([optionInput(zone)])
    const option = result[0]!
    const before = await shippingState(t)

    await failureMessage(deleteShippingOptionsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [option.id] } }))
    expect(await shippingState(t)).toEqual(before)

    expect(await workflowFailure(deleteShippingOptionsWorkflow(t.container).run({ input: { ids: ["so_missing"] } }))).toMatchObject({ type: "not_found" })

    await deleteShippingOptionsWorkflow(t.container).run({ input: { ids: [option.id] } })
    expect(await t.fulfillment.listShippingOptions({ id: option.id })).toEqual([])
    expect(await pricesOf(option.id)).toEqual([])
  })
})
