import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { shirt, startProductApp } from "./product-app.ts"
import type { ProductApp } from "./product-app.ts"

let t: ProductApp
beforeAll(async () => {
  t = await startProductApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("createProducts", () => {
  test("creates a product with options, values and variants in one call, and returns them all", async () => {
    const product = await t.products.createProducts(
      shirt([
        { title: "S / Black", sku: "SHIRT-S-BLACK", options: { Size: "S", Color: "Black" } },
        { title: "M / White", sku: "SHIRT-M-WHITE", options: { Color: "White", Size: "M" } },
      ]),
    )

    expect(product.id).toMatch(/^prod_/)
    expect(product.options?.map((o) => [o.title, o.values?.map((v) => v.value)])).toEqual([
      ["Size", ["S", "M"]],
      ["Color", ["Black", "White"]],
    ])
    expect(product.options?.[0]?.id).toMatch(/^opt_/)
    expect(product.options?.[0]?.values?.[0]?.id).toMatch(/^optval_/)
    expect(product.variants?.map((v) => [v.title, v.sku, v.options?.map((o) => o.value)])).toEqual([
      ["S / Black", "SHIRT-S-BLACK", ["S", "Black"]],
      ["M / White", "SHIRT-M-WHITE", ["M", "White"]],
    ])
    expect(product.variants?.[0]).toMatchObject({ id: expect.stringMatching(/^variant_/), product_id: product.id })
  })

  test("the rows are stored: each variant linked to the option values it chose", async () => {
    const product = await t.products.createProducts(shirt([{ title: "S / White", options: { Size: "S", Color: "White" } }]))

    const links = await t.rows<{ title: string; value: string }>(
      `select v.title, ov.value from product_variant_option pvo
       join product_variant v on v.id = pvo.product_variant_id
       join product_option_value ov on ov.id = pvo.product_option_value_id
       where v.product_id = ? order by ov.value`,
      [product.id],
    )
    expect(links).toEqual([
      { title: "S / White", value: "S" },
      { title: "S / White", value: "White" },
    ])
  })

  test("fills Medusa's defaults: handle from the title, draft status, discountable, managed inventory", async () => {
    const product = await t.products.createProducts({ title: "Café Crème: Extra  Large!", variants: [{ title: "One" }] })

    expect(product).toMatchObject({
      handle: "cafe-creme-extra-large",
      status: "draft",
      is_giftcard: false,
      discountable: true,
      subtitle: null,
      thumbnail: null,
      metadata: null,
    })
    expect(product.variants?.[0]).toMatchObject({
      manage_inventory: true,
      allow_backorder: false,
      variant_rank: 0,
      sku: null,
      options: [],
    })
  })

  test("keeps every given column", async () => {
    const product = await t.products.createProducts({
      title: "Gift card",
      handle: "gift-card-50",
      subtitle: "Any occasion",
      description: "A card",
      status: "published",
      thumbnail: "https://example.com/card.png",
      is_giftcard: true,
      discountable: false,
      external_id: "ext-1",
      weight: 10,
      length: 20,
      height: 1,
      width: 15,
      hs_code: "4911",
      origin_country: "dk",
      mid_code: "mid",
      material: "paper",
      metadata: { campaign: "winter" },
    })

    const stored = await t.products.retrieveProduct(product.id)
    expect(stored).toMatchObject({
      handle: "gift-card-50",
      status: "published",
      is_giftcard: true,
      discountable: false,
      weight: 10,
      origin_country: "dk",
      metadata: { campaign: "winter" },
    })
  })

  test("creates several products at once, each with its own options", async () => {
    const [a, b] = await t.products.createProducts([
      { title: "Mug", options: [{ title: "Color", values: ["Red"] }], variants: [{ title: "Red", options: { Color: "Red" } }] },
      { title: "Cap", options: [{ title: "Color", values: ["Red"] }], variants: [{ title: "Red", options: { Color: "Red" } }] },
    ])

    expect(a?.handle).toBe("mug")
    expect(b?.handle).toBe("cap")
    expect(a?.variants?.[0]?.options?.[0]?.option_id).toBe(a?.options?.[0]?.id)
    expect(b?.variants?.[0]?.options?.[0]?.option_id).toBe(b?.options?.[0]?.id)
    expect(await t.rows("select count(*)::int as n from product_variant_option")).toEqual([{ n: 2 }])
  })
})

describe("retrieve and list with relations", () => {
  test("retrieveProduct loads options with values and variants with the values they chose", async () => {
    const created = await t.products.createProducts(
      shirt([
        { title: "S / Black", options: { Size: "S", Color: "Black" } },
        { title: "M / Black", options: { Size: "M", Color: "Black" } },
      ]),
    )

    const product = await t.products.retrieveProduct(created.id, {
      relations: ["options", "options.values", "variants", "variants.options", "variants.options.option"],
    })
    const variants = [...(product.variants ?? [])].sort((a, b) => a.title.localeCompare(b.title))
    expect(variants.map((v) => [v.title, v.options?.map((o) => `${String(o.option?.title)}=${o.value}`).sort()])).toEqual([
      ["M / Black", ["Color=Black", "Size=M"]],
      ["S / Black", ["Color=Black", "Size=S"]],
    ])
    expect(product.options?.map((o) => o.title).sort()).toEqual(["Color", "Size"])
  })

  test("listProducts filters by status and searches the title with q", async () => {
    await t.products.createProducts([
      { title: "Blue Hoodie", status: "published" },
      { title: "Red Hoodie" },
      { title: "Blue Cap", status: "published" },
    ])

    const published = await t.products.listProducts({ status: "published", q: "hoodie" })
    expect(published.map((p) => p.title)).toEqual(["Blue Hoodie"])
    const [, count] = await t.products.listAndCountProducts({ q: "blue" }, { take: 1 })
    expect(count).toBe(2)
  })

  test("listProductVariants loads each variant's product", async () => {
    const product = await t.products.createProducts({ title: "Socks", variants: [{ title: "One size", sku: "SOCKS" }] })

    const [variant] = await t.products.listProductVariants({ sku: "SOCKS" }, { relations: ["product"] })
    expect(variant?.product).toMatchObject({ id: product.id, title: "Socks" })
  })
})
