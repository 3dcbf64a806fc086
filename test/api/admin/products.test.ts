import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp

beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

type Price = { id: string; amount: number; currency_code: string; variant_id: string; rules: Record<string, string> }
type Variant = { id: string; title: string; sku: string | null; manage_inventory: boolean; prices: Price[]; options: { value: string; option_id: string }[] }
type Product = {
  id: string
  title: string
  handle: string
  status: string
  options: { id: string; title: string; values: { value: string }[] }[]
  variants: Variant[]
  sales_channels: { id: string }[]
}

let sequence = 0

/** A hoodie in Size S/M and Color Red: S priced in usd with a region price, M not managing inventory. */
function hoodieBody(overrides: Record<string, unknown> = {}) {
  const n = ++sequence
  return {
    title: `Hoodie ${n}`,
    options: [
      { title: "Size", values: ["S", "M"] },
      { title: "Color", values: ["Red"] },
    ],
    sales_channels: [{ id: t.store.salesChannelId }],
    variants: [
      {
        title: "S / Red",
        sku: `HOODIE-${n}-S`,
        options: { Size: "S", Color: "Red" },
        prices: [
          { currency_code: "usd", amount: 30 },
          { currency_code: "usd", amount: 28.5, rules: { region_id: t.store.regions.usd.id } },
        ],
      },
      { title: "M / Red", sku: `HOODIE-${n}-M`, manage_inventory: false, options: { Size: "M", Color: "Red" }, prices: [{ currency_code: "eur", amount: 27 }] },
    ],
    ...overrides,
  }
}

async function createHoodie(overrides: Record<string, unknown> = {}): Promise<Product> {
  const res = await t.admin.post("/admin/products", hoodieBody(overrides))
  expect(res.statusCode, res.body).toBe(200)
  return res.json().product
}

const variantBySku = (product: Product, sku: string) => product.variants.find((variant) => variant.sku === sku)!

async function inventoryItemsOf(productId: string): Promise<Record<string, { inventory_item_id: string; required_quantity: number }[]>> {
  const res = await t.admin.get(`/admin/products/${productId}?fields=variants.sku,variants.inventory_items.inventory_item_id,variants.inventory_items.required_quantity`)
  expect(res.statusCode).toBe(200)
  const variants = res.json().product.variants as { sku: string; inventory_items: { inventory_item_id: string; required_quantity: number }[] }[]
  return Object.fromEntries(variants.map((variant) => [variant.sku, variant.inventory_items]))
}

describe("POST /admin/products", () => {
  test("creates a draft product with options, variants, prices and channels, and reads it back", async () => {
    const body = hoodieBody()
    const res = await t.admin.post("/admin/products", body)

    expect(res.statusCode).toBe(200)
    const product: Product = res.json().product
    expect(product).toMatchObject({
      title: body.title,
      handle: `hoodie-${sequence}`,
      status: "draft",
      is_giftcard: false,
      discountable: true,
      type: null,
      collection: null,
      tags: [],
      images: [],
      sales_channels: [{ id: t.store.salesChannelId, name: "Default Sales Channel" }],
    })
    expect(product.id).toMatch(/^prod_/)
    expect(product.options.map((option) => [option.title, option.values.map((value) => value.value).sort()])).toEqual(
      expect.arrayContaining([
        ["Size", ["M", "S"]],
        ["Color", ["Red"]],
      ]),
    )
    const small = variantBySku(product, `HOODIE-${sequence}-S`)
    expect(small).toMatchObject({ title: "S / Red", manage_inventory: true, allow_backorder: false, product_id: product.id })
    expect(small.options.map((option) => option.value).sort()).toEqual(["Red", "S"])
    expect(small.prices.map(({ amount, currency_code, rules, variant_id }) => ({ amount, currency_code, rules, variant_id }))).toEqual(
      expect.arrayContaining([
        { amount: 30, currency_code: "usd", rules: {}, variant_id: small.id },
        { amount: 28.5, currency_code: "usd", rules: { region_id: t.store.regions.usd.id }, variant_id: small.id },
      ]),
    )
    expect(small.prices[0]).not.toHaveProperty("price_rules")

    const read = await t.admin.get(`/admin/products/${product.id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json().product).toEqual(product)
  })

  test("a variant that manages inventory gets its own inventory item; one that does not gets none", async () => {
    const product = await createHoodie()
    const items = await inventoryItemsOf(product.id)

    const [own] = items[`HOODIE-${sequence}-S`]!
    expect(own).toMatchObject({ required_quantity: 1 })
    expect(items[`HOODIE-${sequence}-M`]).toEqual([])

    const item = await t.admin.get(`/admin/inventory-items/${own!.inventory_item_id}`)
    expect(item.json().inventory_item).toMatchObject({ sku: `HOODIE-${sequence}-S`, title: "S / Red", stocked_quantity: 0, location_levels: [] })
  })

  test("a variant made of existing inventory items is linked to them, no new item is made", async () => {
    const bolt = (await t.admin.post("/admin/inventory-items", { sku: `BOLT-${++sequence}` })).json().inventory_item
    const [before] = await t.rows<{ count: number }>("select count(*)::int as count from inventory_item")

    const product = await createHoodie({
      options: [],
      variants: [{ title: "Bolt pack", prices: [{ currency_code: "usd", amount: 5 }], inventory_items: [{ inventory_item_id: bolt.id, required_quantity: 4 }] }],
    })

    const [after] = await t.rows<{ count: number }>("select count(*)::int as count from inventory_item")
    expect(after!.count).toBe(before!.count)
    const res = await t.admin.get(`/admin/products/${product.id}?fields=variants.inventory_items.*,variants.inventory_items.inventory.sku`)
    expect(res.json().product.variants[0].inventory_items).toEqual([
      expect.objectContaining({ inventory_item_id: bolt.id, variant_id: product.variants[0]!.id, required_quantity: 4, inventory: expect.objectContaining({ sku: bolt.sku }) }),
    ])
  })

  test("status, handle and fields are taken as given", async () => {
    const res = await t.admin.post("/admin/products?fields=title,handle,status", { title: "Cap", handle: "the-cap", status: "published" })

    expect(res.statusCode).toBe(200)
    expect(res.json().product).toEqual({ id: expect.stringMatching(/^prod_/), title: "Cap", handle: "the-cap", status: "published" })
  })
})

describe("GET /admin/products", () => {
  test("lists every status with the admin default fields, filtered and paged", async () => {
    const draft = await createHoodie()
    const published = await createHoodie({ status: "published" })

    const all = await t.admin.get("/admin/products")
    expect(all.statusCode).toBe(200)
    expect(all.json()).toMatchObject({ offset: 0, limit: 50 })
    const ids = all.json().products.map((product: Product) => product.id)
    expect(ids).toEqual(expect.arrayContaining([draft.id, published.id, t.store.product.id]))
    expect(all.json().count).toBe(ids.length)

    const byStatus = (await t.admin.get(`/admin/products?status[0]=draft&id[0]=${draft.id}&id[1]=${published.id}`)).json()
    expect(byStatus.products.map((product: Product) => product.id)).toEqual([draft.id])

    const byHandle = (await t.admin.get(`/admin/products?handle=${published.handle}&fields=title`)).json()
    expect(byHandle.products).toEqual([{ id: published.id, title: published.title }])

    const bySku = (await t.admin.get(`/admin/products?variants[sku]=${published.variants[0]!.sku}&fields=id`)).json()
    expect(bySku.products).toEqual([{ id: published.id }])

    const searched = (await t.admin.get(`/admin/products?q=${encodeURIComponent(draft.title)}&fields=id`)).json()
    expect(searched.products).toEqual([{ id: draft.id }])

    const page = (await t.admin.get("/admin/products?limit=1&offset=1&order=-created_at&fields=id")).json()
    expect(page).toMatchObject({ limit: 1, offset: 1, count: all.json().count })
    expect(page.products).toHaveLength(1)
  })

  test("filters by sales channel, date operators and the relations the catalog does not keep", async () => {
    const sold = await createHoodie()
    const unsold = await createHoodie({ sales_channels: [] })

    const inChannel = (await t.admin.get(`/admin/products?sales_channel_id=${t.store.salesChannelId}&fields=id`)).json()
    const channelIds = inChannel.products.map((product: Product) => product.id)
    expect(channelIds).toContain(sold.id)
    expect(channelIds).not.toContain(unsold.id)

    const future = (await t.admin.get(`/admin/products?created_at[$gt]=${encodeURIComponent("2999-01-01T00:00:00Z")}`)).json()
    expect(future).toMatchObject({ products: [], count: 0 })

    const byCollection = (await t.admin.get("/admin/products?collection_id=pcol_1")).json()
    expect(byCollection).toMatchObject({ products: [], count: 0 })
  })

  test("a deleted product is listed only with with_deleted", async () => {
    const product = await createHoodie()
    expect((await t.admin.delete(`/admin/products/${product.id}`)).statusCode).toBe(200)

    const without = (await t.admin.get(`/admin/products?id=${product.id}`)).json()
    expect(without.count).toBe(0)
    const withDeleted = (await t.admin.get(`/admin/products?id=${product.id}&with_deleted=true&fields=id,deleted_at`)).json()
    expect(withDeleted.products).toEqual([{ id: product.id, deleted_at: expect.any(String) }])
  })
})

describe("POST /admin/products/:id", () => {
  test("changes columns and channels; a sent variants list updates, adds and removes variants", async () => {
    const product = await createHoodie()
    const small = variantBySku(product, `HOODIE-${sequence}-S`)
    const medium = variantBySku(product, `HOODIE-${sequence}-M`)
    const itemsBefore = await inventoryItemsOf(product.id)

    const res = await t.admin.post(`/admin/products/${product.id}`, {
      title: "Renamed hoodie",
      status: "published",
      sales_channels: [],
      options: [{ title: "Size", values: ["L"] }],
      variants: [
        { id: small.id, title: "Small", prices: [{ id: small.prices[0]!.id, amount: 35 }, { currency_code: "eur", amount: 32, rules: { region_id: t.store.regions.eur.id } }] },
        { title: "L / Red", sku: `HOODIE-${sequence}-L`, options: { Size: "L", Color: "Red" }, prices: [{ currency_code: "usd", amount: 40 }] },
      ],
    })

    expect(res.statusCode, res.body).toBe(200)
    const updated: Product = res.json().product
    expect(updated).toMatchObject({ id: product.id, title: "Renamed hoodie", status: "published", handle: product.handle, sales_channels: [] })
    expect(updated.variants.map((variant) => variant.title).sort()).toEqual(["L / Red", "Small"])
    expect(updated.variants.some((variant) => variant.id === medium.id)).toBe(false)
    const changed = variantBySku(updated, small.sku!)
    expect(changed.prices.map(({ id, amount, currency_code, rules }) => ({ id, amount, currency_code, rules }))).toEqual(
      expect.arrayContaining([
        { id: small.prices[0]!.id, amount: 35, currency_code: "usd", rules: {} },
        { id: expect.any(String), amount: 32, currency_code: "eur", rules: { region_id: t.store.regions.eur.id } },
      ]),
    )
    expect(changed.prices).toHaveLength(2)
    const added = variantBySku(updated, `HOODIE-${sequence}-L`)
    expect(added.prices.map(({ amount }) => amount)).toEqual([40])
    expect(updated.options.find((option) => option.title === "Size")!.values.map((value) => value.value).sort()).toEqual(["L", "M", "S"])

    const items = await inventoryItemsOf(product.id)
    expect(items[small.sku!]).toEqual(itemsBefore[small.sku!])
    expect(items[`HOODIE-${sequence}-L`]).toHaveLength(1)
    const [{ count }] = (await t.rows<{ count: number }>("select count(*)::int as count from product_variant where id = ? and deleted_at is not null", [medium.id])) as [{ count: number }]
    expect(count).toBe(1)
  })

  test("without variants the variants are left alone", async () => {
    const product = await createHoodie()

    const res = await t.admin.post(`/admin/products/${product.id}?fields=variants.id`, { subtitle: "Warm" })

    expect(res.statusCode).toBe(200)
    expect(res.json().product.variants.map((variant: Variant) => variant.id).sort()).toEqual(product.variants.map((variant) => variant.id).sort())
  })
})

describe("variants", () => {
  test("are added, listed, retrieved, changed and deleted; writes answer with the product", async () => {
    const product = await createHoodie()
    const n = sequence

    const created = await t.admin.post(`/admin/products/${product.id}/variants`, {
      title: "S / Red bis",
      sku: `HOODIE-${n}-S2`,
      options: { Size: "S", Color: "Red" },
      prices: [{ currency_code: "usd", amount: 12 }],
    })
    // S / Red is taken: the same combination twice is refused.
    expect(created.statusCode).toBe(400)
    expect(created.json().message).toContain("same option values")

    const medium = variantBySku(product, `HOODIE-${n}-M`)
    const deleted = await t.admin.delete(`/admin/products/${product.id}/variants/${medium.id}`)
    expect(deleted.statusCode).toBe(200)
    expect(deleted.json()).toMatchObject({ id: medium.id, object: "variant", deleted: true, parent: { id: product.id } })
    expect(deleted.json().parent.variants.map((variant: Variant) => variant.id)).not.toContain(medium.id)

    const readded = await t.admin.post(`/admin/products/${product.id}/variants`, {
      title: "M / Red again",
      sku: `HOODIE-${n}-M2`,
      options: { Size: "M", Color: "Red" },
      prices: [{ currency_code: "usd", amount: 26, rules: { region_id: t.store.regions.usd.id } }],
    })
    expect(readded.statusCode, readded.body).toBe(200)
    const newVariant = variantBySku(readded.json().product, `HOODIE-${n}-M2`)
    expect(newVariant.prices).toEqual([expect.objectContaining({ amount: 26, rules: { region_id: t.store.regions.usd.id } })])

    const list = await t.admin.get(`/admin/products/${product.id}/variants?order=sku`)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ count: 2, offset: 0, limit: 50 })
    expect(list.json().variants.map((variant: Variant) => variant.sku)).toEqual([`HOODIE-${n}-M2`, `HOODIE-${n}-S`])
    const filtered = (await t.admin.get(`/admin/products/${product.id}/variants?sku=HOODIE-${n}-S&fields=sku`)).json()
    expect(filtered.variants).toEqual([{ id: expect.any(String), sku: `HOODIE-${n}-S` }])

    const one = await t.admin.get(`/admin/products/${product.id}/variants/${newVariant.id}`)
    expect(one.statusCode).toBe(200)
    expect(one.json().variant).toMatchObject({ id: newVariant.id, title: "M / Red again", prices: [{ amount: 26, variant_id: newVariant.id }] })

    const changed = await t.admin.post(`/admin/products/${product.id}/variants/${newVariant.id}`, {
      title: "Medium",
      prices: [{ currency_code: "eur", amount: 24 }],
    })
    expect(changed.statusCode, changed.body).toBe(200)
    const after = changed.json().product.variants.find((variant: Variant) => variant.id === newVariant.id)
    expect(after).toMatchObject({ title: "Medium", prices: [{ amount: 24, currency_code: "eur", rules: {} }] })
  })

  test("a variant of another product, or an unknown one, is not found", async () => {
    const product = await createHoodie()
    const other = t.store.product.variants.small.id

    expect((await t.admin.get(`/admin/products/${product.id}/variants/${other}`)).statusCode).toBe(404)
    expect((await t.admin.post(`/admin/products/${product.id}/variants/${other}`, { title: "Stolen" })).statusCode).toBe(404)
    const missing = await t.admin.delete(`/admin/products/${product.id}/variants/variant_missing`)
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({ type: "not_found", message: "Variant with id: variant_missing was not found" })
    expect((await t.admin.post("/admin/products/prod_missing/variants", { title: "X", prices: [] })).statusCode).toBe(404)
  })
})

describe("DELETE /admin/products/:id", () => {
  test("soft-deletes the product with its variants and answers the delete envelope", async () => {
    const product = await createHoodie()
    const items = await inventoryItemsOf(product.id)
    const ownItem = items[`HOODIE-${sequence}-S`]![0]!.inventory_item_id

    const res = await t.admin.delete(`/admin/products/${product.id}`)

    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: product.id, object: "product", deleted: true })
    const gone = await t.admin.get(`/admin/products/${product.id}`)
    expect(gone.statusCode).toBe(404)
    expect(gone.json()).toEqual({ type: "not_found", message: `Product with id: ${product.id} was not found` })
    const live = await t.rows("select id from product_variant where product_id = ? and deleted_at is null", [product.id])
    expect(live).toEqual([])
    expect((await t.admin.get(`/admin/inventory-items/${ownItem}`)).statusCode).toBe(404)
  })

  test("an unknown product is not found", async () => {
    expect((await t.admin.delete("/admin/products/prod_missing")).statusCode).toBe(404)
    expect((await t.admin.post("/admin/products/prod_missing", { title: "X" })).statusCode).toBe(404)
  })
})

describe("the admin guard", () => {
  test("every product route needs an admin token", async () => {
    for (const [method, url] of [
      ["GET", "/admin/products"],
      ["POST", "/admin/products"],
      ["GET", `/admin/products/${t.store.product.id}`],
      ["DELETE", `/admin/products/${t.store.product.id}`],
      ["GET", `/admin/products/${t.store.product.id}/variants`],
    ] as const) {
      const res =
        method === "GET" ? await t.anonymous.get(url) : method === "POST" ? await t.anonymous.post(url, { title: "X" }) : await t.anonymous.delete(url)
      expect(res.statusCode, `${method} ${url}`).toBe(401)
      expect(res.json()).toEqual({ message: "Unauthorized" })
    }
    expect((await t.admin.get(`/admin/products/${t.store.product.id}`)).statusCode).toBe(200)
  })
})
