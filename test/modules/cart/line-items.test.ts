import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { lineItem, rejection, startCartApp } from "./cart-app.ts"
import type { CartApp } from "./cart-app.ts"
import { countStatements } from "../../setup/count-statements.ts"

let t: CartApp
beforeAll(async () => {
  t = await startCartApp()
})
afterAll(() => t.close())

const newCart = () => t.carts.createCarts({ currency_code: "usd" })

describe("addLineItems", () => {
  test("adds lines to a cart, keeping the variant's snapshot, and answers with their totals", async () => {
    const cart = await newCart()

    const [item] = await t.carts.addLineItems(cart.id, [
      lineItem({
        quantity: 3,
        unit_price: "19.99",
        compare_at_unit_price: 25,
        thumbnail: "https://img.example/ts.png",
        product_description: "Soft",
        product_subtitle: "Cotton",
        product_type: "Apparel",
        product_collection: "Summer",
        variant_barcode: "0123",
        requires_shipping: false,
        is_discountable: false,
        is_tax_inclusive: true,
        metadata: { gift: true },
      }),
    ])

    expect(item).toMatchObject({
      cart_id: cart.id,
      title: "Medium",
      subtitle: "T-shirt",
      thumbnail: "https://img.example/ts.png",
      quantity: 3,
      variant_id: "variant_1",
      product_id: "prod_1",
      product_title: "T-shirt",
      product_description: "Soft",
      product_subtitle: "Cotton",
      product_type: "Apparel",
      product_collection: "Summer",
      product_handle: "t-shirt",
      variant_sku: "TS-M",
      variant_barcode: "0123",
      variant_title: "Medium",
      variant_option_values: { Size: "M" },
      requires_shipping: false,
      is_discountable: false,
      is_tax_inclusive: true,
      unit_price: 19.99,
      compare_at_unit_price: 25,
      metadata: { gift: true },
      subtotal: 59.97,
      total: 59.97,
    })
    expect(await t.rows("select unit_price, quantity from cart_line_item where id = ?", [item?.id])).toEqual([
      { unit_price: "19.99", quantity: 3 },
    ])
  })

  test("defaults: a line requires shipping, is discountable, is not tax inclusive, has no compare-at price", async () => {
    const cart = await newCart()
    const [item] = await t.carts.addLineItems(cart.id, [{ title: "Plain", quantity: 1, unit_price: 4 }])

    expect(item).toMatchObject({
      requires_shipping: true,
      is_discountable: true,
      is_tax_inclusive: false,
      compare_at_unit_price: null,
      variant_id: null,
      metadata: null,
    })
  })

  test("lines for several carts are added in one call when each names its cart", async () => {
    const [a, b] = await t.carts.createCarts([{ currency_code: "usd" }, { currency_code: "usd" }])

    await t.carts.addLineItems([
      { ...lineItem(), cart_id: a!.id },
      { ...lineItem({ title: "Large" }), cart_id: b!.id },
    ])

    expect((await t.carts.retrieveCart(a!.id)).items.map((i) => i.title)).toEqual(["Medium"])
    expect((await t.carts.retrieveCart(b!.id)).items.map((i) => i.title)).toEqual(["Large"])
  })

  test("fields a line does not store (ids, totals) are ignored, so a copied line can be added again", async () => {
    const cart = await newCart()
    const [first] = await t.carts.addLineItems(cart.id, [lineItem({ unit_price: 7 })])

    const [copy] = await t.carts.addLineItems(cart.id, [first as never])
    expect(copy?.id).not.toBe(first?.id)
    expect(copy).toMatchObject({ title: "Medium", unit_price: 7, total: 7 })
  })

  test.each([
    [{ quantity: 0 }, "quantity"],
    [{ quantity: -1 }, "quantity"],
    [{ quantity: 1.5 }, "quantity"],
    [{ quantity: "2" }, "quantity"],
    [{ unit_price: -1 }, "unit_price"],
    [{ unit_price: "ten" }, "unit_price"],
    [{ unit_price: undefined }, "unit_price"],
    [{ compare_at_unit_price: "x" }, "compare_at_unit_price"],
    [{ title: "" }, "title"],
  ])("a line with %o is refused as invalid_data naming %s, and nothing is added", async (change, field) => {
    const cart = await newCart()
    const error = await rejection(t.carts.addLineItems(cart.id, [lineItem(), lineItem(change)]))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain(field)
    expect(await t.rows("select id from cart_line_item where cart_id = ?", [cart.id])).toEqual([])
  })

  test("adding to an unknown cart is not_found", async () => {
    const error = await rejection(t.carts.addLineItems("cart_missing", [lineItem()]))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Cart with id: cart_missing was not found")
  })

  test("a completed cart takes no more lines", async () => {
    const cart = await newCart()
    await t.carts.updateCarts({ id: cart.id, completed_at: new Date() })

    const error = await rejection(t.carts.addLineItems(cart.id, [lineItem()]))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Cart ${cart.id} is already completed`)
    expect(await t.rows("select id from cart_line_item where cart_id = ?", [cart.id])).toEqual([])
  })

  test("lines for several carts are written for all or none: one completed cart refuses them all", async () => {
    const [open, completed] = [await newCart(), await newCart()]
    await t.carts.updateCarts({ id: completed.id, completed_at: new Date() })

    const error = await rejection(t.carts.addLineItems([{ ...lineItem(), cart_id: open.id }, { ...lineItem(), cart_id: completed.id }]))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Cart ${completed.id} is already completed`)
    expect(await t.rows("select id from cart_line_item where cart_id in (?, ?)", [open.id, completed.id])).toEqual([])
  })

  test("a line is written in one statement, its cart checked in it", async () => {
    const cart = await newCart()
    const { statements } = await countStatements(t.app.database, () => t.carts.addLineItems(cart.id, [lineItem()]))
    expect(statements).toHaveLength(1)
    expect(await t.rows("select id from cart_line_item where cart_id = ?", [cart.id])).toHaveLength(1)
  })
})

describe("updateLineItems and deleteLineItems", () => {
  test("a line's quantity and price change, and the cart's totals follow", async () => {
    const cart = await newCart()
    const [item] = await t.carts.addLineItems(cart.id, [lineItem({ quantity: 1, unit_price: 10 })])

    await t.carts.updateLineItems({ id: item!.id, quantity: 4, unit_price: "2.5" })

    const updated = await t.carts.retrieveCart(cart.id)
    expect(updated.items[0]).toMatchObject({ quantity: 4, unit_price: 2.5, subtotal: 10 })
    expect(updated.total).toBe(10)
  })

  test("updating an unknown line is not_found", async () => {
    const error = await rejection(t.carts.updateLineItems({ id: "cali_missing", quantity: 2 }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toContain("cali_missing")
  })

  test("a deleted line leaves the cart and its totals", async () => {
    const cart = await newCart()
    const [keep, drop] = await t.carts.addLineItems(cart.id, [lineItem({ unit_price: 3 }), lineItem({ unit_price: 4 })])

    await t.carts.deleteLineItems(drop!.id)

    const updated = await t.carts.retrieveCart(cart.id)
    expect(updated.items.map((item) => item.id)).toEqual([keep!.id])
    expect(updated.item_total).toBe(3)
  })

  test("listLineItems filters by cart", async () => {
    const cart = await newCart()
    await t.carts.addLineItems(cart.id, [lineItem(), lineItem()])
    expect(await t.carts.listLineItems({ cart_id: cart.id })).toHaveLength(2)
  })
})

describe("shipping methods", () => {
  test("addShippingMethods adds methods with their amounts and totals; deleting one removes it", async () => {
    const cart = await newCart()

    const [express, standard] = await t.carts.addShippingMethods(cart.id, [
      { name: "Express", amount: "12.5", shipping_option_id: "so_express", data: { carrier: "ups" } },
      { name: "Standard", amount: 0 },
    ])
    expect(express).toMatchObject({ cart_id: cart.id, name: "Express", amount: 12.5, data: { carrier: "ups" }, total: 12.5 })
    expect(express?.is_tax_inclusive).toBe(false)
    expect((await t.carts.retrieveCart(cart.id)).shipping_total).toBe(12.5)

    await t.carts.deleteShippingMethods(express!.id)
    const updated = await t.carts.retrieveCart(cart.id)
    expect(updated.shipping_methods.map((m) => m.id)).toEqual([standard!.id])
    expect(updated.shipping_total).toBe(0)
  })

  test.each([
    [{ name: "", amount: 1 }, "name"],
    [{ name: "Free", amount: -0.01 }, "amount"],
    [{ name: "Free" }, "amount"],
  ])("a shipping method %o is refused naming %s", async (method, field) => {
    const cart = await newCart()
    const error = await rejection(t.carts.addShippingMethods(cart.id, [method as never]))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain(field)
  })

  test("a shipping method for an unknown cart is not_found", async () => {
    const error = await rejection(t.carts.addShippingMethods("cart_missing", [{ name: "Standard", amount: 1 }]))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  })

  test("a completed cart takes no shipping method, and none is written", async () => {
    const cart = await newCart()
    await t.carts.updateCarts({ id: cart.id, completed_at: new Date() })

    const error = await rejection(t.carts.addShippingMethods(cart.id, [{ name: "Standard", amount: 1 }]))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Cart ${cart.id} is already completed`)
    expect(await t.rows("select id from cart_shipping_method where cart_id = ?", [cart.id])).toEqual([])
  })
})
