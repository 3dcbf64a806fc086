import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, shirt, startProductApp } from "./product-app.ts"
import type { ProductApp } from "./product-app.ts"

let t: ProductApp
beforeAll(async () => {
  t = await startProductApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("createProductVariants", () => {
  test("adds variants to an existing product and returns them with the values they chose", async () => {
    const product = await t.products.createProducts(shirt([{ title: "S / Black", options: { Size: "S", Color: "Black" } }]))

    const [white, medium] = await t.products.createProductVariants([
      { product_id: product.id, title: "S / White", sku: "S-W", options: { Size: "S", Color: "White" } },
      { product_id: product.id, title: "M / Black", options: { Size: "M", Color: "Black" }, allow_backorder: true },
    ])

    expect(white).toMatchObject({ product_id: product.id, sku: "S-W", manage_inventory: true })
    expect(white?.options?.map((o) => o.value)).toEqual(["S", "White"])
    expect(medium).toMatchObject({ allow_backorder: true })
    const stored = await t.products.listProductVariants({ product_id: product.id }, { relations: ["options"] })
    expect(stored.map((v) => [v.title, v.options?.map((o) => o.value).sort()]).sort()).toEqual([
      ["M / Black", ["Black", "M"]],
      ["S / Black", ["Black", "S"]],
      ["S / White", ["S", "White"]],
    ])
  })

  test("a single variant in, a single variant out", async () => {
    const product = await t.products.createProducts({ title: "Poster" })
    const variant = await t.products.createProductVariants({ product_id: product.id, title: "A2" })
    expect(variant).toMatchObject({ title: "A2", product_id: product.id, options: [] })
  })

  test("the same values as an existing variant: invalid_data naming both variants", async () => {
    const product = await t.products.createProducts(shirt([{ title: "S / Black", options: { Size: "S", Color: "Black" } }]))

    const error = await rejection(
      t.products.createProductVariants({ product_id: product.id, title: "Copy", options: { Size: "S", Color: "Black" } }),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe('Variant "Copy" has the same option values as variant "S / Black"')
  })

  test("options that do not match the product's: invalid_data naming the variant and option; nothing written", async () => {
    const product = await t.products.createProducts(shirt())

    const missing = await rejection(
      t.products.createProductVariants([
        { product_id: product.id, title: "Fine", options: { Size: "M", Color: "White" } },
        { product_id: product.id, title: "Half", options: { Color: "White" } },
      ]),
    )
    expect(missing.message).toBe('Variant "Half" is missing a value for option "Size"')
    const unknown = await rejection(
      t.products.createProductVariants({ product_id: product.id, title: "Pink", options: { Size: "M", Color: "Pink" } }),
    )
    expect(unknown.message).toBe('Variant "Pink": option "Color" has no value "Pink"')
    expect(await t.rows("select id from product_variant")).toEqual([])
  })

  test("an unknown or deleted product: not_found naming it", async () => {
    const error = await rejection(t.products.createProductVariants({ product_id: "prod_missing", title: "X" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Product with id: prod_missing was not found")

    const gone = await t.products.createProducts({ title: "Gone" })
    await t.products.softDeleteProducts(gone.id)
    const deleted = await rejection(t.products.createProductVariants({ product_id: gone.id, title: "X" }))
    expect(deleted.type).toBe(AgoraError.Types.NOT_FOUND)
  })

  test("a variant without a title", async () => {
    const product = await t.products.createProducts({ title: "Poster" })
    const error = await rejection(t.products.createProductVariants({ product_id: product.id, title: " " }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`Variant 1 of product ${product.id}: title is required`)
  })
})

describe("updateProductVariants", () => {
  test("changes columns and leaves the chosen values alone", async () => {
    const product = await t.products.createProducts(shirt([{ title: "S / Black", options: { Size: "S", Color: "Black" } }]))
    const id = product.variants![0]!.id

    const updated = await t.products.updateProductVariants({ id, sku: "NEW-SKU", allow_backorder: true, metadata: { a: 1 } })

    expect(updated).toMatchObject({ id, sku: "NEW-SKU", allow_backorder: true, metadata: { a: 1 }, title: "S / Black" })
    expect(updated.options?.map((o) => o.value).sort()).toEqual(["Black", "S"])
  })

  test("options chooses new values, checked against the product", async () => {
    const product = await t.products.createProducts(shirt([{ title: "S / Black", options: { Size: "S", Color: "Black" } }]))
    const id = product.variants![0]!.id

    const updated = await t.products.updateProductVariants({ id, title: "M / White", options: { Size: "M", Color: "White" } })

    expect(updated.options?.map((o) => o.value).sort()).toEqual(["M", "White"])
    const links = await t.rows("select count(*)::int as n from product_variant_option where product_variant_id = ?", [id])
    expect(links).toEqual([{ n: 2 }])
  })

  test("new values that another variant has, or that do not cover every option, are refused", async () => {
    const product = await t.products.createProducts(
      shirt([
        { title: "S / Black", options: { Size: "S", Color: "Black" } },
        { title: "M / Black", options: { Size: "M", Color: "Black" } },
      ]),
    )
    const small = product.variants![0]!

    const taken = await rejection(t.products.updateProductVariants({ id: small.id, options: { Size: "M", Color: "Black" } }))
    expect(taken.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(taken.message).toBe('Variant "S / Black" has the same option values as variant "M / Black"')

    const partial = await rejection(t.products.updateProductVariants({ id: small.id, options: { Size: "M" } }))
    expect(partial.message).toBe('Variant "S / Black" is missing a value for option "Color"')
  })

  test("two variants may swap their values in one call", async () => {
    const product = await t.products.createProducts(
      shirt([
        { title: "A", options: { Size: "S", Color: "Black" } },
        { title: "B", options: { Size: "M", Color: "Black" } },
      ]),
    )
    const [a, b] = product.variants!

    const [newA, newB] = await t.products.updateProductVariants([
      { id: a!.id, options: { Size: "M", Color: "Black" } },
      { id: b!.id, options: { Size: "S", Color: "Black" } },
    ])
    expect(newA?.options?.map((o) => o.value).sort()).toEqual(["Black", "M"])
    expect(newB?.options?.map((o) => o.value).sort()).toEqual(["Black", "S"])
  })

  test("by selector, every matching variant changes", async () => {
    const product = await t.products.createProducts({ title: "Poster", variants: [{ title: "A3" }, { title: "A2" }] })

    const updated = await t.products.updateProductVariants({ selector: { product_id: product.id }, data: { manage_inventory: false } })

    expect(updated.map((v) => v.manage_inventory)).toEqual([false, false])
  })

  test("an unknown variant: not_found naming it", async () => {
    const error = await rejection(t.products.updateProductVariants({ id: "variant_missing", options: { Size: "S" } }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("ProductVariant with id: variant_missing was not found")

    const plain = await rejection(t.products.updateProductVariants({ id: "variant_missing", title: "x" }))
    expect(plain.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(plain.message).toContain("variant_missing")
  })
})
