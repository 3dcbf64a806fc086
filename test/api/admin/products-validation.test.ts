import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp

beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const TABLES = [
  "product",
  "product_option",
  "product_option_value",
  "product_variant",
  "product_variant_option",
  "price_set",
  "price",
  "price_rule",
  "inventory_item",
  "product_variant_price_set",
  "product_variant_inventory_item",
  "product_sales_channel",
]

/** Every row of the catalog tables, deleted ones included, without change times: equal means nothing was written. */
async function catalog(): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {}
  for (const table of TABLES) {
    const rows = await t.rows<{ row: string }>(`select (to_jsonb(t) - 'updated_at')::text as row from "${table}" t order by 1`)
    state[table] = rows.map((row) => row.row)
  }
  return state
}

/** Sends a request that must be refused with `status`, and checks that the catalog did not change. */
async function refused(send: () => Promise<{ statusCode: number; json(): unknown }>, status = 400): Promise<{ type: string; message: string }> {
  const before = await catalog()
  const res = await send()
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status)
  expect(await catalog()).toEqual(before)
  return res.json() as { type: string; message: string }
}

const shirt = {
  title: "Plain shirt",
  options: [{ title: "Size", values: ["S", "M"] }],
  variants: [
    { title: "S", sku: "PLAIN-S", options: { Size: "S" }, prices: [{ currency_code: "usd", amount: 10 }] },
    { title: "M", sku: "PLAIN-M", options: { Size: "M" }, prices: [{ currency_code: "usd", amount: 11 }] },
  ],
}

describe("POST /admin/products refuses a bad body, naming the field, and writes nothing", () => {
  test("a missing title", async () => {
    const error = await refused(() => t.admin.post("/admin/products", { handle: "no-title" }))
    expect(error).toEqual({ type: "invalid_data", message: "Invalid request: Field 'title' is required" })
  })

  test("an unknown field", async () => {
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, colour: "red" }))
    expect(error.message).toBe("Invalid request: Unrecognized fields: 'colour'")
  })

  test("an amount of the wrong type", async () => {
    const variants = [{ ...shirt.variants[0], prices: [{ currency_code: "usd", amount: "10" }] }]
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, variants }))
    expect(error.message).toBe("Invalid request: Expected type: 'number' for field 'variants.0.prices.0.amount', got: 'string'")
  })

  test("a variant without prices", async () => {
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, variants: [{ title: "S", options: { Size: "S" } }] }))
    expect(error.message).toContain("'variants.0.prices'")
  })

  test("an unknown status", async () => {
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, status: "live" }))
    expect(error.message).toContain("'status'")
  })

  test("a variant missing a value for an option", async () => {
    const variants = [{ title: "S", options: {}, prices: [{ currency_code: "usd", amount: 10 }] }]
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, variants }))
    expect(error).toEqual({ type: "invalid_data", message: 'Variant "S" is missing a value for option "Size"' })
  })

  test("a value the option does not have", async () => {
    const variants = [{ title: "XL", options: { Size: "XL" }, prices: [{ currency_code: "usd", amount: 10 }] }]
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, variants }))
    expect(error.message).toBe('Variant "XL": option "Size" has no value "XL"')
  })

  test("two variants with the same options", async () => {
    const variants = [shirt.variants[0], { ...shirt.variants[1], options: { Size: "S" } }]
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, variants }))
    expect(error.message).toBe('Variant "M" has the same option values as variant "S"')
  })

  test("a handle or sku already taken is a duplicate (422)", async () => {
    const first = await t.admin.post("/admin/products", { ...shirt, handle: "plain-shirt" })
    expect(first.statusCode).toBe(200)

    const handle = await refused(() => t.admin.post("/admin/products", { title: "Other", handle: "plain-shirt" }), 422)
    expect(handle).toEqual({ type: "duplicate_error", message: "Product with handle: plain-shirt already exists.", code: "invalid_request_error" })

    const sku = await refused(() => t.admin.post("/admin/products", { ...shirt, title: "Plain shirt two", handle: "plain-shirt-two" }), 422)
    expect(sku.message).toBe("ProductVariant with sku: PLAIN-S already exists.")
  })

  test("a price the pricing module refuses", async () => {
    const variants = [{ ...shirt.variants[0], sku: "NEG-S", prices: [{ currency_code: "usd", amount: -1 }] }]
    const error = await refused(() => t.admin.post("/admin/products", { ...shirt, title: "Negative", variants }))
    expect(error.type).toBe("invalid_data")
    expect(error.message).toContain("amount")
  })

  test("an unknown sales channel or inventory item is not found, and the product is not kept", async () => {
    const channel = await refused(() => t.admin.post("/admin/products", { title: "Lost", sales_channels: [{ id: "sc_nope" }] }), 404)
    expect(channel.message).toBe("sales_channel with id: sc_nope was not found")
    const variants = [{ title: "Kit", prices: [], inventory_items: [{ inventory_item_id: "iitem_nope", required_quantity: 2 }] }]
    const item = await refused(() => t.admin.post("/admin/products", { title: "Kit", variants }), 404)
    expect(item.message).toBe("inventory_item with id: iitem_nope was not found")
  })

  test("an unknown field in the query", async () => {
    const error = await refused(() => t.admin.post("/admin/products?fields=nmae", { ...shirt, title: "Fields", handle: "fields-shirt" }))
    expect(error.message).toContain("nmae")
  })
})

describe("POST /admin/products/:id refuses a bad update and changes nothing", () => {
  test("a variant of another product, a new variant without a title, a new price without an amount", async () => {
    const created = await t.admin.post("/admin/products", { ...shirt, title: "Update me", handle: "update-me", variants: [] })
    const id = created.json().product.id

    const foreign = await refused(() =>
      t.admin.post(`/admin/products/${id}`, { title: "Changed", variants: [{ id: t.store.product.variants.small.id, title: "Mine now" }] }),
    )
    expect(foreign.message).toBe(`variants.0.id: ${t.store.product.variants.small.id} is not a variant of product ${id}`)

    const untitled = await refused(() => t.admin.post(`/admin/products/${id}`, { variants: [{ options: { Size: "S" }, prices: [] }] }))
    expect(untitled.message).toBe("Invalid request: Field 'variants.0.title' is required")

    const noAmount = await refused(() =>
      t.admin.post(`/admin/products/${id}`, { variants: [{ title: "S", options: { Size: "S" }, prices: [{ currency_code: "usd" }] }] }),
    )
    expect(noAmount.message).toBe("Invalid request: Field 'variants.0.prices.0.amount' is required")

    const itemsOfExisting = await refused(() =>
      t.admin.post(`/admin/products/${t.store.product.id}`, {
        variants: [{ id: t.store.product.variants.small.id, inventory_items: [{ inventory_item_id: "iitem_1" }] }],
      }),
    )
    expect(itemsOfExisting.message).toBe("Invalid request: Only a new variant takes inventory_items for field 'variants.0.inventory_items'")

    const badCombination = await refused(() =>
      t.admin.post(`/admin/products/${id}`, {
        title: "Changed",
        variants: [
          { title: "S", options: { Size: "S" }, prices: [{ currency_code: "usd", amount: 1 }] },
          { title: "S again", options: { Size: "S" }, prices: [{ currency_code: "usd", amount: 1 }] },
        ],
      }),
    )
    expect(badCombination.message).toBe('Variant "S again" has the same option values as variant "S"')
  })

  test("a variant update with an unknown price id", async () => {
    const { id } = t.store.product
    const variant = t.store.product.variants.small.id
    const error = await refused(() => t.admin.post(`/admin/products/${id}/variants/${variant}`, { prices: [{ id: "price_missing", amount: 5 }] }))
    expect(error.message).toContain("price_missing")
  })
})
