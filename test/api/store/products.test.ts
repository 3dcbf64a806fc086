import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { seedProduct } from "../../workflows/cart/seed.ts"
import type { SeededProduct } from "../../workflows/cart/seed.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

type Variant = Record<string, unknown> & { id: string; calculated_price?: Record<string, unknown> | null; inventory_quantity?: number }
type Product = Record<string, unknown> & { id: string; variants: Variant[] }

let t: HttpApp
let outletChannelId: string
let draft: SeededProduct
let outletOnly: SeededProduct
let everywhere: SeededProduct
let bundle: SeededProduct
let latamRegionId: string
let keyWithoutChannel: string
let keyWithTwoChannels: string

const withKey = (token: string) => ({ headers: { "x-publishable-api-key": token } })
const ids = (products: { id: string }[]) => products.map((product) => product.id).sort()
const variantOf = (product: Product, variantId: string) => product.variants.find((variant) => variant.id === variantId) as Variant

async function priceSetOf(variantId: string): Promise<string> {
  const [row] = await t.rows<{ price_set_id: string }>(
    "select price_set_id from product_variant_price_set where product_variant_id = ? and deleted_at is null",
    [variantId],
  )
  return row!.price_set_id
}

async function productCount(): Promise<number> {
  const [row] = await t.rows<{ count: string }>("select count(*)::text as count from product")
  return Number(row!.count)
}

beforeAll(async () => {
  t = await startHttpApp()
  const outlet = await t.channels.createSalesChannels({ name: "Outlet" })
  outletChannelId = outlet.id
  draft = await seedProduct(t, t.store, { title: "Draft hat", status: "draft" })
  outletOnly = await seedProduct(t, t.store, { title: "Outlet mug", salesChannelIds: [outlet.id] })
  everywhere = await seedProduct(t, t.store, { title: "Everywhere scarf", salesChannelIds: [t.store.salesChannelId, outlet.id] })
  bundle = await seedProduct(t, t.store, {
    title: "Sock bundle",
    variants: [
      { key: "pair", title: "Pair", prices: { usd: 30 }, stock: 5, required_quantity: 2 },
      { key: "digital", title: "Gift code", prices: { usd: 5 }, manage_inventory: false },
      { key: "unstocked", title: "Unstocked", prices: { usd: 7 }, stock: null },
    ],
  })

  // A price for the usd region only beats the plain usd price there; another usd region pays the plain one.
  await t.pricing.addPrices({
    priceSetId: await priceSetOf(bundle.variants.pair!.id),
    prices: [{ currency_code: "usd", amount: 27, rules: { region_id: t.store.regions.usd.id } }],
  })
  const [latam] = await t.regions.createRegions([{ name: "Latin America", currency_code: "usd", countries: ["mx"] }])
  latamRegionId = latam!.id

  // Stock: 3 small T-shirts reserved at the store's warehouse; 100 more at an outlet location.
  const small = t.store.product.variants.small
  await t.inventory.createReservationItems({ inventory_item_id: small.inventoryItemId!, location_id: t.store.stockLocationId, quantity: 3 })
  const outletLocation = await t.locations.createStockLocations({ name: "Outlet shop" })
  await t.inventory.createInventoryLevels({ inventory_item_id: small.inventoryItemId!, location_id: outletLocation.id, stocked_quantity: 100 })

  const bare = await t.apiKeys.createApiKeys({ title: "No channel", type: "publishable", created_by: "test" })
  keyWithoutChannel = bare.token
  const two = await t.apiKeys.createApiKeys({ title: "Two channels", type: "publishable", created_by: "test" })
  keyWithTwoChannels = two.token
  await t.link.create([
    { sales_channel: { sales_channel_id: outlet.id }, stock_location: { stock_location_id: outletLocation.id } },
    { api_key: { api_key_id: two.id }, sales_channel: { sales_channel_id: t.store.salesChannelId } },
    { api_key: { api_key_id: two.id }, sales_channel: { sales_channel_id: outlet.id } },
  ])
})
afterAll(() => t?.close())

describe("GET /store/products: what a storefront may see", () => {
  test("lists only published products of the key's sales channel", async () => {
    const res = await t.storefront.get("/store/products")
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(ids(body.products)).toEqual([t.store.product.id, everywhere.id, bundle.id].sort())
    expect(body).toMatchObject({ count: 3, offset: 0, limit: 50 })
  })

  test("a key without a sales channel cannot read products", async () => {
    for (const url of ["/store/products", `/store/products/${t.store.product.id}`]) {
      const res = await t.anonymous.get(url, withKey(keyWithoutChannel))
      expect(res.statusCode).toBe(400)
      expect(res.json()).toEqual({ type: "invalid_data", message: "Publishable key needs to have a sales channel configured" })
    }
  })

  test("sales_channel_id narrows to channels of the key, and may not leave them", async () => {
    const both = (await t.anonymous.get("/store/products", withKey(keyWithTwoChannels))).json()
    expect(ids(both.products)).toEqual([t.store.product.id, everywhere.id, bundle.id, outletOnly.id].sort())

    const outlet = (await t.anonymous.get(`/store/products?sales_channel_id=${outletChannelId}`, withKey(keyWithTwoChannels))).json()
    expect(ids(outlet.products)).toEqual([everywhere.id, outletOnly.id].sort())

    const foreign = await t.storefront.get(`/store/products?sales_channel_id[0]=${outletChannelId}`)
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json()).toEqual({ type: "invalid_data", message: "Requested sales channel is not part of the publishable key" })
  })

  test("the default fields: Medusa's product shape, variants with options and without prices or stock", async () => {
    const { product } = (await t.storefront.get(`/store/products/${t.store.product.id}`)).json()
    expect(product).toMatchObject({
      id: t.store.product.id,
      title: "T-shirt",
      handle: t.store.product.handle,
      subtitle: "T-shirt subtitle",
      is_giftcard: false,
      discountable: true,
      collection_id: null,
      type_id: null,
      collection: null,
      type: null,
      tags: [],
      images: [],
    })
    expect(product).not.toHaveProperty("status")
    expect(product.options).toEqual([
      expect.objectContaining({ title: "Size", values: expect.arrayContaining([expect.objectContaining({ value: "S" })]) }),
    ])
    expect(product.variants.map((variant: Variant) => variant.title)).toEqual(["S", "M"])
    const small = variantOf(product, t.store.product.variants.small.id)
    expect(small).toMatchObject({ sku: t.store.product.variants.small.sku, manage_inventory: true, allow_backorder: false })
    expect(small.options).toEqual([expect.objectContaining({ value: "S" })])
    for (const absent of ["prices", "calculated_price", "inventory_quantity", "price_set_link", "inventory_item_link"]) {
      expect(small).not.toHaveProperty(absent)
    }
    expect(typeof product.created_at).toBe("string")
  })
})

describe("GET /store/products/:id", () => {
  test("a draft, a product of another channel and an unknown id are all not found", async () => {
    for (const id of [draft.id, outletOnly.id, "prod_missing"]) {
      const res = await t.storefront.get(`/store/products/${id}`)
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({ type: "not_found", message: `Product with id: ${id} was not found` })
    }
    expect((await t.anonymous.get(`/store/products/${outletOnly.id}`, withKey(keyWithTwoChannels))).statusCode).toBe(200)
  })

  test("its query is strict too", async () => {
    const res = await t.storefront.get(`/store/products/${t.store.product.id}?limit=1`)
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain("limit")
  })
})

describe("calculated prices", () => {
  test("region_id prices every variant in the region's currency, in Medusa's shape", async () => {
    const small = t.store.product.variants.small
    const res = await t.storefront.get(`/store/products/${t.store.product.id}?region_id=${t.store.regions.usd.id}`)
    expect(res.statusCode).toBe(200)
    const [price] = await t.rows<{ id: string }>("select id from price where price_set_id = ? and currency_code = 'usd'", [await priceSetOf(small.id)])
    const detail = { id: price!.id, price_list_id: null, price_list_type: null, min_quantity: null, max_quantity: null }
    expect(variantOf(res.json().product, small.id).calculated_price).toEqual({
      id: await priceSetOf(small.id),
      currency_code: "usd",
      calculated_amount: 20,
      original_amount: 20,
      calculated_amount_with_tax: 20,
      calculated_amount_without_tax: 20,
      original_amount_with_tax: 20,
      original_amount_without_tax: 20,
      is_calculated_price_tax_inclusive: false,
      is_original_price_tax_inclusive: false,
      is_calculated_price_price_list: false,
      is_original_price_price_list: false,
      calculated_price: detail,
      original_price: detail,
    })
  })

  test("eur region: eur amounts; a variant without a eur price has none", async () => {
    const { products } = (await t.storefront.get(`/store/products?region_id=${t.store.regions.eur.id}`)).json()
    const tshirt = products.find((product: Product) => product.id === t.store.product.id)
    expect(variantOf(tshirt, t.store.product.variants.small.id).calculated_price).toMatchObject({ currency_code: "eur", calculated_amount: 18 })
    expect(variantOf(tshirt, t.store.product.variants.medium.id).calculated_price).toMatchObject({ calculated_amount: 22 })
    const socks = products.find((product: Product) => product.id === bundle.id)
    expect(variantOf(socks, bundle.variants.pair!.id).calculated_price).toBeNull()
  })

  test("a cart's region prices the products, over region_id", async () => {
    const cart = await t.carts.createCarts({ region_id: t.store.regions.eur.id, currency_code: "eur" })
    for (const query of [`cart_id=${cart.id}`, `cart_id=${cart.id}&region_id=${t.store.regions.usd.id}`]) {
      const { product } = (await t.storefront.get(`/store/products/${t.store.product.id}?${query}`)).json()
      expect(variantOf(product, t.store.product.variants.small.id).calculated_price).toMatchObject({ currency_code: "eur", calculated_amount: 18 })
    }
  })

  test("asked for without a region, prices come in the store's default region", async () => {
    const { product } = (await t.storefront.get(`/store/products/${t.store.product.id}?fields=%2Bvariants.calculated_price`)).json()
    expect(variantOf(product, t.store.product.variants.medium.id).calculated_price).toMatchObject({ currency_code: "usd", calculated_amount: 25 })
  })

  test("a price for the region beats the plain price of its currency", async () => {
    const url = (regionId: string) => `/store/products/${bundle.id}?region_id=${regionId}`
    const inUsdRegion = (await t.storefront.get(url(t.store.regions.usd.id))).json().product
    expect(variantOf(inUsdRegion, bundle.variants.pair!.id).calculated_price).toMatchObject({ currency_code: "usd", calculated_amount: 27 })
    const inLatam = (await t.storefront.get(url(latamRegionId))).json().product
    expect(variantOf(inLatam, bundle.variants.pair!.id).calculated_price).toMatchObject({ currency_code: "usd", calculated_amount: 30 })
  })

  test("with no region to price for, asking for prices is a 400", async () => {
    await t.stores.updateStores({ id: t.store.storeId, default_region_id: null })
    try {
      const res = await t.storefront.get("/store/products?fields=*variants.calculated_price")
      expect(res.statusCode).toBe(400)
      expect(res.json()).toEqual({ type: "invalid_data", message: "Missing required pricing context to calculate prices - region_id" })
      // Not asked for: no prices and no error.
      const plain = await t.storefront.get("/store/products")
      expect(plain.statusCode).toBe(200)
      expect(plain.json().products[0].variants[0]).not.toHaveProperty("calculated_price")
    } finally {
      await t.stores.updateStores({ id: t.store.storeId, default_region_id: t.store.regions.usd.id })
    }
  })

  test("an unknown region is a 400 naming it", async () => {
    const res = await t.storefront.get("/store/products?region_id=reg_missing")
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: "Region with id: reg_missing was not found" })
  })
})

describe("inventory_quantity", () => {
  test("only when asked: available units at the channel's locations, per required quantity", async () => {
    const plain = (await t.storefront.get(`/store/products/${t.store.product.id}`)).json().product
    expect(plain.variants[0]).not.toHaveProperty("inventory_quantity")

    const tshirt = (await t.storefront.get(`/store/products/${t.store.product.id}?fields=%2Bvariants.inventory_quantity`)).json().product
    // 10 stocked, 3 reserved; the outlet's 100 are not at this channel's locations.
    expect(variantOf(tshirt, t.store.product.variants.small.id).inventory_quantity).toBe(7)
    expect(variantOf(tshirt, t.store.product.variants.medium.id).inventory_quantity).toBe(10)

    const socks = (await t.storefront.get(`/store/products/${bundle.id}?fields=%2Bvariants.inventory_quantity`)).json().product
    expect(variantOf(socks, bundle.variants.pair!.id).inventory_quantity).toBe(2) // 5 units, 2 per pair
    expect(variantOf(socks, bundle.variants.unstocked!.id).inventory_quantity).toBe(0)
    expect(variantOf(socks, bundle.variants.digital!.id)).not.toHaveProperty("inventory_quantity")
  })

  test("counts the locations of every channel read", async () => {
    const url = `/store/products/${t.store.product.id}?fields=%2Bvariants.inventory_quantity`
    const both = (await t.anonymous.get(url, withKey(keyWithTwoChannels))).json().product
    expect(variantOf(both, t.store.product.variants.small.id).inventory_quantity).toBe(107)
    const list = (await t.anonymous.get(`/store/products?id=${t.store.product.id}&sales_channel_id=${t.store.salesChannelId}&fields=%2Bvariants.inventory_quantity`, withKey(keyWithTwoChannels))).json()
    expect(variantOf(list.products[0], t.store.product.variants.small.id).inventory_quantity).toBe(7)
  })

  test("with only the computed fields asked for, only they come back", async () => {
    const url = `/store/products/${t.store.product.id}?fields=title,variants.inventory_quantity,variants.calculated_price`
    const { product } = (await t.storefront.get(url)).json()
    expect(Object.keys(product).sort()).toEqual(["id", "title", "variants"])
    expect(Object.keys(variantOf(product, t.store.product.variants.small.id)).sort()).toEqual(["calculated_price", "id", "inventory_quantity"])
  })
})

describe("fields, paging, filters", () => {
  test("bare fields replace the defaults; +, - and * adjust them", async () => {
    const bare = (await t.storefront.get("/store/products?fields=title,handle")).json()
    expect(Object.keys(bare.products[0]).sort()).toEqual(["handle", "id", "title"])

    const adjusted = (await t.storefront.get("/store/products?fields=-variants,%2Bmetadata,-tags")).json()
    expect(adjusted.products[0]).not.toHaveProperty("variants")
    expect(adjusted.products[0]).not.toHaveProperty("tags")
    expect(adjusted.products[0]).toHaveProperty("metadata")
    expect(adjusted.products[0]).toHaveProperty("images", [])
  })

  test("a variant's prices come only when asked for, with amounts as numbers", async () => {
    const url = `/store/products/${t.store.product.id}?fields=variants.prices.amount,variants.prices.currency_code`
    const { product } = (await t.storefront.get(url)).json()
    const prices = variantOf(product, t.store.product.variants.small.id).prices as { amount: unknown; currency_code: string }[]
    expect(prices.map(({ amount, currency_code }) => ({ amount, currency_code })).sort((a, b) => a.currency_code.localeCompare(b.currency_code))).toEqual([
      { amount: 18, currency_code: "eur" },
      { amount: 20, currency_code: "usd" },
    ])
  })

  test("fields that reach beyond the storefront or do not exist are a 400 naming them", async () => {
    for (const field of ["%2Bsales_channels.*", "*variants.price_set", "%2Bvariants.inventory_item_link.inventory_item_id"]) {
      const res = await t.storefront.get(`/store/products?fields=${field}`)
      expect(res.statusCode).toBe(400)
      expect(res.json().message).toMatch(/^Requested fields \[.+\] are not valid$/)
    }
    const unknown = await t.storefront.get("/store/products?fields=nmae")
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("nmae")
  })

  test("limit, offset and order page through the matches; count ignores paging", async () => {
    const page = (await t.storefront.get("/store/products?limit=1&offset=1&order=-title")).json()
    expect(page).toMatchObject({ count: 3, offset: 1, limit: 1 })
    expect(page.products.map((product: Product) => product.title)).toEqual(["Sock bundle"])

    const past = (await t.storefront.get("/store/products?offset=10")).json()
    expect(past).toMatchObject({ products: [], count: 3, offset: 10 })
  })

  test("filters: id, handle, title, q, variants, dates", async () => {
    const get = async (query: string) => ids((await t.storefront.get(`/store/products?${query}`)).json().products)
    expect(await get(`id[0]=${bundle.id}&id[1]=${draft.id}`)).toEqual([bundle.id])
    expect(await get(`handle=${t.store.product.handle}`)).toEqual([t.store.product.id])
    expect(await get("title=Everywhere%20scarf")).toEqual([everywhere.id])
    expect(await get("q=scarf")).toEqual([everywhere.id])
    expect(await get(`variants[sku]=${t.store.product.variants.medium.sku}`)).toEqual([t.store.product.id])
    expect(await get("variants[options][value]=Gift%20code")).toEqual([bundle.id])
    expect(await get(`created_at[$gte]=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).toEqual([])
    expect(await get(`created_at[$lt]=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)).toHaveLength(3)
    expect(await get(`$or[0][handle]=${bundle.handle}&$or[1][q]=scarf`)).toEqual([bundle.id, everywhere.id].sort())
  })

  test("filters on collections, types, tags and categories match nothing, since products have none", async () => {
    for (const query of ["collection_id=pcol_1", "type_id[0]=ptyp_1", "tag_id=ptag_1", "category_id=pcat_1", "$and[0][tag_id]=ptag_1"]) {
      const res = await t.storefront.get(`/store/products?${query}`)
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({ products: [], count: 0 })
    }
  })

  test("an unknown parameter is a 400 naming it, at any depth", async () => {
    const unknown = await t.storefront.get("/store/products?colour=red")
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toEqual({ type: "invalid_data", message: "Invalid request: Unrecognized fields: 'colour'" })

    const nested = await t.storefront.get("/store/products?variants[colour]=red")
    expect(nested.statusCode).toBe(400)
    expect(nested.json().message).toContain("variants.colour")

    const status = await t.storefront.get("/store/products?status=draft")
    expect(status.statusCode).toBe(400)
  })

  test("SQL in fields, order or a filter changes nothing", async () => {
    const before = await productCount()
    const attempts = [
      `fields=${encodeURIComponent("title; drop table product")}`,
      `order=${encodeURIComponent("title; drop table product")}`,
      `order=${encodeURIComponent("title desc, (select 1)")}`,
      `created_at[${encodeURIComponent("$gt; drop table product")}]=2020-01-01`,
      `created_at[$gt]=${encodeURIComponent("2020-01-01'; drop table product; --")}`,
      `variants[${encodeURIComponent("sku = '' or 1=1 --")}]=x`,
    ]
    for (const attempt of attempts) {
      const res = await t.storefront.get(`/store/products?${attempt}`)
      expect(res.statusCode, attempt).toBe(400)
    }
    // A value is only ever a value: nothing matches it.
    const injected = await t.storefront.get(`/store/products?handle=${encodeURIComponent("x' or '1'='1")}`)
    expect(injected.statusCode).toBe(200)
    expect(injected.json().count).toBe(0)
    expect(await productCount()).toBe(before)
    expect((await t.storefront.get("/store/products")).json().count).toBe(3)
  })
})
