import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { countStatements } from "../../setup/count-statements.ts"
import { lineItem, rejection, startCartApp } from "./cart-app.ts"
import type { CartApp } from "./cart-app.ts"

let t: CartApp
beforeAll(async () => {
  t = await startCartApp()
})
afterAll(() => t.close())

const address = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Analytical Row",
  city: "London",
  postal_code: "N1",
  country_code: "GB",
  phone: "+44 1",
}

describe("createCarts", () => {
  test("a cart created with addresses, lines and a shipping method comes back whole, with totals", async () => {
    const cart = await t.carts.createCarts({
      currency_code: "USD",
      region_id: "reg_1",
      email: "ada@example.com",
      shipping_address: address,
      billing_address: { ...address, address_1: "2 Billing Street" },
      items: [lineItem({ quantity: 2, unit_price: 15 })],
      shipping_methods: [{ name: "Standard", amount: 5, shipping_option_id: "so_1" }],
    })

    expect(cart.id).toMatch(/^cart_/)
    expect(cart).toMatchObject({ currency_code: "usd", region_id: "reg_1", email: "ada@example.com", completed_at: null })
    expect(cart.shipping_address).toMatchObject({ ...address, country_code: "gb" })
    expect(cart.shipping_address?.id).toMatch(/^caaddr_/)
    expect(cart.billing_address).toMatchObject({ address_1: "2 Billing Street", country_code: "gb" })
    expect(cart.items).toEqual([
      expect.objectContaining({ cart_id: cart.id, title: "Medium", quantity: 2, unit_price: 15, total: 30 }),
    ])
    expect(cart.items[0]?.id).toMatch(/^cali_/)
    expect(cart.shipping_methods).toEqual([
      expect.objectContaining({ name: "Standard", amount: 5, shipping_option_id: "so_1", total: 5 }),
    ])
    expect(cart.shipping_methods[0]?.id).toMatch(/^casm_/)
    expect(cart).toMatchObject({ item_total: 30, shipping_total: 5, subtotal: 35, total: 35 })
  })

  test("a bare cart has no addresses, no lines and zero totals", async () => {
    const cart = await t.carts.createCarts({ currency_code: "eur" })

    expect(cart).toMatchObject({ shipping_address: null, billing_address: null, items: [], shipping_methods: [] })
    expect(cart).toMatchObject({ total: 0, subtotal: 0, item_total: 0, shipping_total: 0 })
  })

  test("several carts are created at once, answered in the order given", async () => {
    const carts = await t.carts.createCarts([
      { currency_code: "usd", email: "first@example.com" },
      { currency_code: "usd", email: "second@example.com", items: [lineItem()] },
    ])

    expect(carts.map((cart) => cart.email)).toEqual(["first@example.com", "second@example.com"])
    expect(carts.map((cart) => cart.items.length)).toEqual([0, 1])
  })

  test("a cart without currency_code is refused, naming the field, and nothing is stored", async () => {
    const before = await t.rows("select count(*)::int as n from cart_address")
    const error = await rejection(t.carts.createCarts({ shipping_address: address } as never))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("currency_code")
    expect(await t.rows("select count(*)::int as n from cart_address")).toEqual(before)
  })

  test("an invalid line refuses the whole cart: no cart, no address is left behind", async () => {
    const counts = () => t.rows("select (select count(*) from cart)::int as carts, (select count(*) from cart_address)::int as addresses")
    const before = await counts()
    const error = await rejection(
      t.carts.createCarts({ currency_code: "usd", shipping_address: address, items: [lineItem({ quantity: 0 })] }),
    )

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("quantity")
    expect(await counts()).toEqual(before)
  })
})

describe("retrieveCart, listCarts, listAndCountCarts", () => {
  test("an unknown cart is not_found, naming the id", async () => {
    const error = await rejection(t.carts.retrieveCart("cart_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Cart with id: cart_missing was not found")
  })

  test("lists filter on cart columns and each cart carries its own lines and totals", async () => {
    const customer = `cus_${Date.now()}`
    const [a, b] = await t.carts.createCarts([
      { currency_code: "usd", customer_id: customer, items: [lineItem({ unit_price: 1 })] },
      { currency_code: "usd", customer_id: customer, items: [lineItem({ unit_price: 2, quantity: 3 })] },
    ])
    await t.carts.createCarts({ currency_code: "usd", customer_id: "someone_else" })

    const carts = await t.carts.listCarts({ customer_id: customer }, { order: { created_at: "ASC" } })
    expect(carts.map((cart) => [cart.id, cart.items.length, cart.total]).sort()).toEqual(
      [
        [a!.id, 1, 1],
        [b!.id, 1, 6],
      ].sort(),
    )

    const [page, count] = await t.carts.listAndCountCarts({ customer_id: customer }, { take: 1 })
    expect(count).toBe(2)
    expect(page).toHaveLength(1)
    expect(page[0]?.items).toHaveLength(1)
  })

  test("relations asked for change nothing: a cart always comes with its parts", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd", shipping_address: address, items: [lineItem()] })

    const cart = await t.carts.retrieveCart(created.id, { relations: ["items"] })
    expect(cart.items).toHaveLength(1)
    expect(cart.shipping_address?.city).toBe("London")
  })

  test("select narrows the cart's columns but keeps its parts and totals", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd", email: "x@example.com", items: [lineItem()] })

    const cart = await t.carts.retrieveCart(created.id, { select: ["email"] })
    expect(cart.email).toBe("x@example.com")
    expect(cart).not.toHaveProperty("region_id")
    expect(cart.total).toBe(10)
  })
})

describe("setAddresses", () => {
  test("an object sets an address, null removes it, a missing key leaves it", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd", billing_address: address })

    const withShipping = await t.carts.setAddresses(created.id, { shipping_address: { ...address, city: "Paris", country_code: "FR" } })
    expect(withShipping.shipping_address).toMatchObject({ city: "Paris", country_code: "fr" })
    expect(withShipping.billing_address?.city).toBe("London")

    const replaced = await t.carts.setAddresses(created.id, { shipping_address: { city: "Rome" }, billing_address: null })
    expect(replaced.shipping_address?.city).toBe("Rome")
    expect(replaced.shipping_address?.id).not.toBe(withShipping.shipping_address?.id)
    expect(replaced.billing_address).toBeNull()

    const stored = await t.rows("select city from cart_address where id in (?, ?, ?)", [
      withShipping.shipping_address?.id,
      withShipping.billing_address?.id,
      replaced.shipping_address?.id,
    ])
    expect(stored).toEqual([{ city: "Rome" }])
  })

  test("setting addresses on an unknown cart is not_found, and writes no address", async () => {
    const [before] = await t.rows<{ count: number }>("select count(*)::int as count from cart_address")
    const error = await rejection(t.carts.setAddresses("cart_missing", { shipping_address: address, billing_address: address }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("cart_missing")
    expect(await t.rows("select count(*)::int as count from cart_address")).toEqual([before])
  })

  test("the addresses are written in one statement, and the cart read in a second", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd", shipping_address: address })
    const { result, statements } = await countStatements(t.app.database, () =>
      t.carts.setAddresses(created.id, { shipping_address: { city: "Oslo" }, billing_address: { city: "Bergen" } }),
    )
    expect(statements).toHaveLength(2)
    expect(result).toMatchObject({ shipping_address: { city: "Oslo" }, billing_address: { city: "Bergen" } })
    expect(await t.carts.retrieveCart(created.id)).toEqual(result)
  })

  test("replaceAddresses writes them in one statement and reads nothing back; an unknown cart is not_found", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd", shipping_address: address })
    const { result, statements } = await countStatements(t.app.database, () =>
      t.carts.replaceAddresses(created.id, { shipping_address: { city: "Lima" }, billing_address: null }),
    )
    expect(statements).toHaveLength(1)
    expect(result).toBeUndefined()
    const cart = await t.carts.retrieveCart(created.id)
    expect(cart.shipping_address?.city).toBe("Lima")
    expect(cart.billing_address).toBeNull()
    const error = await rejection(t.carts.replaceAddresses("cart_missing", { shipping_address: address }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  })
})

describe("markCompleted", () => {
  test("completes an open cart in one statement, then leaves the completion as it was", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd" })
    const at = new Date("2026-01-02T03:04:05.000Z")
    const { result, statements } = await countStatements(t.app.database, () => t.carts.markCompleted(created.id, at))
    expect(result).toBe(true)
    expect(statements).toHaveLength(1)
    expect((await t.carts.retrieveCart(created.id)).completed_at).toEqual(at)

    expect(await t.carts.markCompleted(created.id, new Date())).toBe(false)
    expect((await t.carts.retrieveCart(created.id)).completed_at).toEqual(at)
  })

  test("an unknown cart is not_found", async () => {
    const error = await rejection(t.carts.markCompleted("cart_missing", new Date()))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  })
})

describe("generated CRUD on carts", () => {
  test("updateCarts changes columns and the next read shows them", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd" })
    const completedAt = new Date("2026-01-02T03:04:05.000Z")

    await t.carts.updateCarts({ id: created.id, email: "late@example.com", completed_at: completedAt })
    const cart = await t.carts.retrieveCart(created.id)
    expect(cart.email).toBe("late@example.com")
    expect(cart.completed_at).toEqual(completedAt)
  })

  test("updating an unknown cart is not_found", async () => {
    const error = await rejection(t.carts.updateCarts({ id: "cart_missing", email: "x@example.com" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("cart_missing")
  })

  test("deleteCarts removes the cart with its lines, shipping methods and addresses", async () => {
    const created = await t.carts.createCarts({
      currency_code: "usd",
      shipping_address: address,
      billing_address: address,
      items: [lineItem()],
      shipping_methods: [{ name: "Standard", amount: 5 }],
    })

    await t.carts.deleteCarts(created.id)

    expect(await t.rows("select id from cart where id = ?", [created.id])).toEqual([])
    expect(await t.rows("select id from cart_line_item where cart_id = ?", [created.id])).toEqual([])
    expect(await t.rows("select id from cart_shipping_method where cart_id = ?", [created.id])).toEqual([])
    const addressIds = [created.shipping_address?.id, created.billing_address?.id]
    expect(await t.rows("select id from cart_address where id in (?, ?)", addressIds)).toEqual([])
  })

  test("a soft-deleted cart is hidden from reads and comes back when restored", async () => {
    const created = await t.carts.createCarts({ currency_code: "usd" })

    await t.carts.softDeleteCarts(created.id)
    expect((await rejection(t.carts.retrieveCart(created.id))).type).toBe(AgoraError.Types.NOT_FOUND)
    expect((await t.carts.retrieveCart(created.id, { withDeleted: true })).deleted_at).toBeInstanceOf(Date)

    await t.carts.restoreCarts(created.id)
    expect((await t.carts.retrieveCart(created.id)).deleted_at).toBeNull()
  })
})
