import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createStoresWorkflow, updateStoresWorkflow } from "../../../src/workflows/store/index.ts"
import { failureMessage, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { tableState } from "../fulfillment/table-state.ts"

let t: CommerceApp
beforeAll(async () => {
  t = await startCommerceApp()
})
afterAll(() => t?.close())

const state = () => tableState(t, ["store", "store_currency"])

describe("createStoresWorkflow", () => {
  test("creates a store with its currencies and defaults", async () => {
    const channel = await t.channels.createSalesChannels({ name: "Web" })
    const { result } = await createStoresWorkflow(t.container).run({
      input: { stores: [{ name: "Shop", default_sales_channel_id: channel.id, supported_currencies: [{ currency_code: "usd", is_default: true }] }] },
    })
    expect(result[0]).toMatchObject({ name: "Shop", default_sales_channel_id: channel.id, supported_currencies: [{ currency_code: "usd", is_default: true }] })
  })

  test("a default that does not exist is invalid_data naming the field, and nothing is created", async () => {
    const before = await state()
    const error = await workflowFailure(createStoresWorkflow(t.container).run({ input: { stores: [{ name: "Shop", default_region_id: "reg_missing" }] } }))
    expect(error).toMatchObject({ type: "invalid_data", message: "default_region_id: Region with id: reg_missing was not found" })
    expect(await state()).toEqual(before)
  })

  test("when announcing fails, the store is deleted", async () => {
    const before = await state()
    await failureMessage(createStoresWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { stores: [{ name: "Temp", supported_currencies: [{ currency_code: "eur" }] }] } }))
    expect(await state()).toEqual(before)
  })
})

describe("updateStoresWorkflow", () => {
  test("changes the name, defaults and currencies", async () => {
    const store = await t.stores.createStores({ name: "Old", supported_currencies: [{ currency_code: "usd", is_default: true }] })
    const region = await t.regions.createRegions({ name: "EU", currency_code: "eur" })

    const { result } = await updateStoresWorkflow(t.container).run({
      input: {
        stores: [
          {
            id: store.id,
            name: "New",
            default_region_id: region.id,
            supported_currencies: [{ currency_code: "usd" }, { currency_code: "eur", is_default: true }],
          },
        ],
      },
    })

    expect(result[0]).toMatchObject({ name: "New", default_region_id: region.id })
    expect(result[0]!.supported_currencies?.map(({ currency_code, is_default }) => ({ currency_code, is_default }))).toEqual([
      { currency_code: "eur", is_default: true },
      { currency_code: "usd", is_default: false },
    ])
  })

  test("an unknown store is not_found; a failure after the update puts back its values and currencies", async () => {
    const missing = await workflowFailure(updateStoresWorkflow(t.container).run({ input: { stores: [{ id: "store_missing", name: "X" }] } }))
    expect(missing).toMatchObject({ type: "not_found", message: "Store with id: store_missing was not found" })

    const store = await t.stores.createStores({ name: "Kept", supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "gbp" }] })
    const before = await tableState(t, ["store"])
    await failureMessage(
      updateStoresWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { stores: [{ id: store.id, name: "Changed", supported_currencies: [{ currency_code: "jpy", is_default: true }] }] },
      }),
    )
    expect(await tableState(t, ["store"])).toEqual(before)
    const [after] = await t.stores.listStores({ id: store.id }, { relations: ["supported_currencies"] })
    expect(after?.supported_currencies?.map((c) => [c.currency_code, c.is_default]).sort()).toEqual([["gbp", false], ["usd", true]])
  })
})
