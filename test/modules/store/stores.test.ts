import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { StoreModuleService } from "../../../src/modules/store/index.ts"
import { rejection } from "../../framework/modules/blog-app.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let stores: StoreModuleService
beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/store" }] })
  stores = t.app.container.resolve<StoreModuleService>("store")
})
afterAll(() => t.close())
beforeEach(() => t.app.database.execute("delete from store"))

const currenciesOf = (store: { supported_currencies?: { currency_code: string; is_default: boolean }[] }) =>
  store.supported_currencies?.map((c) => `${c.currency_code}${c.is_default ? "*" : ""}`)

describe("creating a store", () => {
  test("a store is created with its currencies, codes lowercased, one of them the default", async () => {
    const store = await stores.createStores({
      name: "My Shop",
      default_sales_channel_id: "sc_1",
      supported_currencies: [{ currency_code: "USD", is_default: true }, { currency_code: "eur" }],
    })

    expect(store).toMatchObject({
      id: expect.stringMatching(/^store_[0-9A-HJKMNP-TV-Z]{26}$/),
      name: "My Shop",
      default_sales_channel_id: "sc_1",
      default_region_id: null,
      default_location_id: null,
      metadata: null,
    })
    expect(currenciesOf(store)).toEqual(["eur", "usd*"])
    expect(store.supported_currencies?.[0]).toMatchObject({ id: expect.stringMatching(/^stocur_/), store_id: store.id })
    const stored = await stores.retrieveStore(store.id, { relations: ["supported_currencies"] })
    expect(stored.supported_currencies).toHaveLength(2)
  })

  test("a store needs no name or currencies", async () => {
    const store = await stores.createStores({})
    expect(store).toMatchObject({ name: "Agora Store", supported_currencies: [] })
  })

  test("two default currencies are refused, naming them, and nothing is created", async () => {
    const error = await rejection(
      stores.createStores({
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur", is_default: true },
        ],
      }),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe("Store: supported_currencies: only one default currency is allowed, got usd, eur")
    expect(await stores.listStores()).toEqual([])
  })

  test.each([
    [[{ currency_code: "usd" }, { currency_code: "USD" }], "Store: supported_currencies: duplicate currency codes: usd"],
    [[{ currency_code: "dollar" }], `Store: supported_currencies: currency_code must be a 3-letter ISO 4217 code, got "dollar"`],
    [[{}], `Store: supported_currencies: currency_code must be a 3-letter ISO 4217 code, got "undefined"`],
    ["usd", "Store: supported_currencies must be a list of { currency_code, is_default }"],
  ])("invalid currencies %j fail with invalid_data naming the field", async (supported_currencies, message) => {
    const error = await rejection(stores.createStores({ supported_currencies: supported_currencies as never }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(message)
  })
})

describe("updating a store", () => {
  test("currencies given on update replace the old ones; kept currencies keep their rows", async () => {
    const store = await stores.createStores({
      supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "eur" }],
    })
    const eurId = store.supported_currencies?.find((c) => c.currency_code === "eur")?.id

    const updated = await stores.updateStores({
      id: store.id,
      name: "Renamed",
      supported_currencies: [{ currency_code: "eur", is_default: true }, { currency_code: "gbp" }],
    })

    expect(updated.name).toBe("Renamed")
    expect(currenciesOf(updated)).toEqual(["eur*", "gbp"])
    expect(updated.supported_currencies?.find((c) => c.currency_code === "eur")?.id).toBe(eurId)
    expect(await stores.listStoreCurrencies({ currency_code: "usd" })).toEqual([])
  })

  test("the default moves to a new currency; an update without currencies keeps them", async () => {
    const store = await stores.createStores({ supported_currencies: [{ currency_code: "usd", is_default: true }] })

    const moved = await stores.updateStores({
      id: store.id,
      supported_currencies: [{ currency_code: "usd" }, { currency_code: "cad", is_default: true }],
    })
    expect(currenciesOf(moved)).toEqual(["cad*", "usd"])

    const renamed = await stores.updateStores({ id: store.id, default_region_id: "reg_1", metadata: { a: 1 } })
    expect(renamed).toMatchObject({ default_region_id: "reg_1", metadata: { a: 1 } })
    expect(currenciesOf(renamed)).toEqual(["cad*", "usd"])
  })

  test("an update with two defaults fails and changes nothing", async () => {
    const store = await stores.createStores({ name: "Shop", supported_currencies: [{ currency_code: "usd", is_default: true }] })

    const error = await rejection(
      stores.updateStores({
        id: store.id,
        name: "Changed",
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur", is_default: true },
        ],
      }),
    )
    expect(error.message).toBe("Store: supported_currencies: only one default currency is allowed, got usd, eur")
    const unchanged = await stores.retrieveStore(store.id, { relations: ["supported_currencies"] })
    expect(unchanged.name).toBe("Shop")
    expect(currenciesOf(unchanged)).toEqual(["usd*"])
  })

  test("the database itself refuses a second default currency for a store", async () => {
    const store = await stores.createStores({ supported_currencies: [{ currency_code: "usd", is_default: true }] })

    const error = await rejection(stores.createStoreCurrencies({ store_id: store.id, currency_code: "eur", is_default: true }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toMatch(/is_default/)
    // A second non-default currency is fine.
    await stores.createStoreCurrencies({ store_id: store.id, currency_code: "eur" })
  })

  test("updates by selector; a missing store is not_found naming the id", async () => {
    await stores.createStores([{ name: "A" }, { name: "B" }])
    const updated = await stores.updateStores({ selector: { name: ["A", "B"] }, data: { default_location_id: "sloc_1" } })
    expect(updated.map((store) => store.default_location_id)).toEqual(["sloc_1", "sloc_1"])

    const error = await rejection(stores.updateStores({ id: "store_missing", name: "x" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Store with id: store_missing was not found")
  })

  test("deleting a store deletes its currencies", async () => {
    const store = await stores.createStores({ supported_currencies: [{ currency_code: "usd" }] })
    await stores.deleteStores(store.id)
    expect(await stores.listStoreCurrencies()).toEqual([])
  })
})
