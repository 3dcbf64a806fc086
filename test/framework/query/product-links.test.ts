import { afterAll, beforeAll, expect, test } from "vitest"
import type { LinkService, Query } from "../../../src/framework/modules/index.ts"
import type { BrandModuleService } from "../../../src/modules/brand/index.ts"
import type { ProductModuleService } from "../../../src/modules/product/index.ts"
import type { SalesChannelModuleService } from "../../../src/modules/sales-channel/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

// The project's own links (src/links) over the real product, brand and sales channel modules.
let t: TestApp
let products: ProductModuleService
let brands: BrandModuleService
let channels: SalesChannelModuleService
let link: LinkService
let query: Query
beforeAll(async () => {
  t = await startTestApp({
    modules: [...DEFAULT_MODULES, { resolve: "./src/modules/product" }, { resolve: "./src/modules/sales-channel" }],
  })
  products = t.app.container.resolve("product")
  brands = t.app.container.resolve("brand")
  channels = t.app.container.resolve("sales_channel")
  link = t.app.container.resolve("link")
  query = t.app.container.resolve("query")
})
afterAll(() => t.close())

test("products read with their variants, brand and sales channels, filtered by channel", async () => {
  const [shirt, mug] = await products.createProducts([
    { title: "Shirt", status: "published", variants: [{ title: "One size" }] },
    { title: "Mug", variants: [{ title: "Default" }] },
  ])
  const acme = await brands.createBrands({ name: "Acme" })
  const [web, shop] = await channels.createSalesChannels([{ name: "Web" }, { name: "Shop" }])
  await link.create([
    { product: { product_id: shirt!.id }, brand: { brand_id: acme.id } },
    { product: { product_id: shirt!.id }, sales_channel: { sales_channel_id: web!.id } },
    { product: { product_id: mug!.id }, sales_channel: { sales_channel_id: shop!.id } },
  ])

  const { data, metadata } = await query.graph({
    entity: "product",
    fields: ["id", "title", "variants.title", "brand.name", "sales_channels.name"],
    filters: { sales_channel_id: [web!.id], status: "published" },
  })

  expect(metadata.count).toBe(1)
  expect(data).toEqual([
    {
      id: shirt!.id,
      title: "Shirt",
      variants: [{ id: shirt!.variants![0]!.id, title: "One size" }],
      brand: { id: acme.id, name: "Acme" },
      sales_channels: [{ id: web!.id, name: "Web" }],
    },
  ])

  const brandSide = await query.graph({ entity: "brand", fields: ["name", "products.title"], filters: { id: acme.id } })
  expect(brandSide.data).toEqual([{ id: acme.id, name: "Acme", products: [{ id: shirt!.id, title: "Shirt" }] }])

  await products.softDeleteProducts(shirt!.id)
  expect(await link.list({ product: { product_id: shirt!.id }, sales_channel: { sales_channel_id: web!.id } })).toEqual([])
  const inWeb = await query.graph({ entity: "sales_channel", fields: ["products.id"], filters: { id: web!.id } })
  expect(inWeb.data).toEqual([{ id: web!.id, products: [] }])
})
