import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, startProductApp } from "./product-app.ts"
import type { ProductApp } from "./product-app.ts"

let t: ProductApp
beforeAll(async () => {
  t = await startProductApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("generated CRUD kept beside the custom methods", () => {
  test("Product: retrieve, list, listAndCount, select, order, restore of a single row", async () => {
    const [a, b] = await t.products.createProducts([{ title: "Alpha" }, { title: "Beta", status: "published" }])

    expect(await t.products.retrieveProduct(a!.id, { select: ["title"] })).toEqual({ id: a!.id, title: "Alpha" })
    expect((await t.products.listProducts({}, { order: { title: "DESC" } })).map((p) => p.title)).toEqual(["Beta", "Alpha"])
    const [page, count] = await t.products.listAndCountProducts({ status: ["draft", "published"] }, { take: 1, skip: 1, order: { title: "ASC" } })
    expect([page.map((p) => p.title), count]).toEqual([["Beta"], 2])
    const missing = await rejection(t.products.retrieveProduct("prod_missing"))
    expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(b).toBeDefined()
  })

  test("ProductOption: create with values inline, update, soft-delete, restore, delete", async () => {
    const product = await t.products.createProducts({ title: "Mug" })

    const option = await t.products.createProductOptions({ product_id: product.id, title: "Color", values: [{ value: "Red" }] })
    expect(option.values?.map((v) => [v.value, v.option_id])).toEqual([["Red", option.id]])

    expect(await t.products.updateProductOptions({ id: option.id, title: "Colour" })).toMatchObject({ title: "Colour" })
    expect((await t.products.listProductOptions({ product_id: product.id }, { relations: ["values"] }))[0]?.values).toHaveLength(1)
    await t.products.softDeleteProductOptions(option.id)
    expect(await t.products.listProductOptions()).toEqual([])
    await t.products.restoreProductOptions(option.id)
    expect(await t.products.listAndCountProductOptions()).toEqual([[expect.objectContaining({ title: "Colour" })], 1])
    await t.products.deleteProductOptions(option.id)
    expect(await t.rows("select id from product_option_value")).toEqual([])
  })

  test("ProductOption: a second option of the same title on one product is a duplicate_error", async () => {
    const product = await t.products.createProducts({ title: "Mug", options: [{ title: "Color", values: ["Red"] }] })
    const error = await rejection(t.products.createProductOptions({ product_id: product.id, title: "Color" }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
  })

  test("ProductOptionValue: create, list by option, update, soft-delete, delete", async () => {
    const product = await t.products.createProducts({ title: "Mug", options: [{ title: "Color", values: ["Red"] }] })
    const optionId = product.options![0]!.id

    const blue = await t.products.createProductOptionValues({ option_id: optionId, value: "Blue" })
    expect(blue.id).toMatch(/^optval_/)
    expect((await t.products.listProductOptionValues({ option_id: optionId }, { order: { value: "ASC" } })).map((v) => v.value)).toEqual([
      "Blue",
      "Red",
    ])
    expect(await t.products.updateProductOptionValues({ id: blue.id, value: "Navy" })).toMatchObject({ value: "Navy" })
    const duplicate = await rejection(t.products.createProductOptionValues({ option_id: optionId, value: "Red" }))
    expect(duplicate.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    await t.products.softDeleteProductOptionValues(blue.id)
    expect(await t.products.listAndCountProductOptionValues({ option_id: optionId })).toEqual([[expect.objectContaining({ value: "Red" })], 1])
    await t.products.deleteProductOptionValues(blue.id)
    expect(await t.rows("select value from product_option_value")).toEqual([{ value: "Red" }])
  })

  test("ProductVariant: retrieve, list by sku, listAndCount, soft-delete, restore, delete", async () => {
    const product = await t.products.createProducts({ title: "Poster", variants: [{ title: "A3", sku: "P-A3" }, { title: "A2", sku: "P-A2" }] })
    const [a3, a2] = product.variants!

    expect(await t.products.retrieveProductVariant(a3!.id)).toMatchObject({ sku: "P-A3", product_id: product.id })
    expect((await t.products.listProductVariants({ sku: ["P-A2"] })).map((v) => v.id)).toEqual([a2!.id])
    await t.products.softDeleteProductVariants(a2!.id)
    expect((await t.products.listAndCountProductVariants({ product_id: product.id }))[1]).toBe(1)
    await t.products.restoreProductVariants(a2!.id)
    expect((await t.products.listAndCountProductVariants({ product_id: product.id }))[1]).toBe(2)
    await t.products.deleteProductVariants(a3!.id)
    expect(await t.rows("select sku from product_variant")).toEqual([{ sku: "P-A2" }])
  })
})
