import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { CreateProductInput } from "../../../src/modules/product/index.ts"
import { rejection, shirt, startProductApp } from "./product-app.ts"
import type { ProductApp } from "./product-app.ts"

let t: ProductApp
beforeAll(async () => {
  t = await startProductApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

async function expectNothingWritten() {
  expect(await t.rows("select id from product")).toEqual([])
  expect(await t.rows("select id from product_option")).toEqual([])
  expect(await t.rows("select id from product_option_value")).toEqual([])
  expect(await t.rows("select id from product_variant")).toEqual([])
}

describe("a variant's options must match its product's options exactly", () => {
  test("a missing option: invalid_data naming the variant and the option, and nothing is written", async () => {
    const error = await rejection(t.products.createProducts(shirt([{ title: "Just small", options: { Size: "S" } }])))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe('Variant "Just small" is missing a value for option "Color"')
    await expectNothingWritten()
  })

  test("no options at all on a product that has options", async () => {
    const error = await rejection(t.products.createProducts(shirt([{ title: "Bare" }])))
    expect(error.message).toBe('Variant "Bare" is missing a value for option "Size"')
  })

  test("an option the product does not have", async () => {
    const error = await rejection(
      t.products.createProducts(shirt([{ title: "Wool", options: { Size: "S", Color: "Black", Material: "Wool" } }])),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe('Variant "Wool": the product has no option "Material"')
  })

  test("a value the option does not have", async () => {
    const error = await rejection(t.products.createProducts(shirt([{ title: "XL", options: { Size: "XL", Color: "Black" } }])))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe('Variant "XL": option "Size" has no value "XL"')
    await expectNothingWritten()
  })

  test("two variants choosing the same values", async () => {
    const error = await rejection(
      t.products.createProducts(
        shirt([
          { title: "First", options: { Size: "S", Color: "Black" } },
          { title: "Second", options: { Color: "Black", Size: "S" } },
        ]),
      ),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe('Variant "Second" has the same option values as variant "First"')
    await expectNothingWritten()
  })

  test("a product without options may have several variants without options", async () => {
    const product = await t.products.createProducts({ title: "Poster", variants: [{ title: "A3" }, { title: "A2" }] })
    expect(product.variants?.map((v) => v.title)).toEqual(["A3", "A2"])
  })
})

describe("product and option fields", () => {
  test("a missing title", async () => {
    const error = await rejection(t.products.createProducts({ title: "" }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe("Product: title is required")
  })

  test("a handle that is not URL-safe", async () => {
    const error = await rejection(t.products.createProducts({ title: "Shirt", handle: "My Shirt" }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain('handle "My Shirt" is not valid')
  })

  test("a title no handle can be derived from", async () => {
    const error = await rejection(t.products.createProducts({ title: "!!!" }))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("a handle cannot be derived from the title")
  })

  test("an unknown status", async () => {
    const input = { title: "Shirt", status: "archived" } as unknown as CreateProductInput
    const error = await rejection(t.products.createProducts(input))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe('Product: status must be one of draft, proposed, published, rejected, got "archived"')
  })

  test("an option given twice, an option without values, a value given twice", async () => {
    const twice = await rejection(
      t.products.createProducts({ title: "Shirt", options: [{ title: "Size", values: ["S"] }, { title: "Size", values: ["M"] }] }),
    )
    expect(twice.message).toBe('Product "Shirt": option "Size" is given twice')

    const empty = await rejection(t.products.createProducts({ title: "Shirt", options: [{ title: "Size", values: [] }] }))
    expect(empty.message).toBe('Product "Shirt": option "Size" needs at least one value in values')

    const repeated = await rejection(t.products.createProducts({ title: "Shirt", options: [{ title: "Size", values: ["S", "S"] }] }))
    expect(repeated.message).toBe('Product "Shirt": option "Size" lists value "S" twice')
    await expectNothingWritten()
  })

  test("a variant without a title", async () => {
    const error = await rejection(t.products.createProducts({ title: "Shirt", variants: [{ title: "" }] }))
    expect(error.message).toBe('Product "Shirt": variant 1 needs a title')
  })
})

describe("uniqueness among products that are not deleted", () => {
  test("a taken handle: duplicate_error naming the handle, and the second product is not written", async () => {
    await t.products.createProducts({ title: "Shirt" })

    const error = await rejection(t.products.createProducts({ title: "Shirt", variants: [{ title: "One" }] }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("Product with handle: shirt already exists.")
    expect(await t.rows("select id from product_variant")).toEqual([])
  })

  test("a taken sku: duplicate_error naming the sku, and the whole product is rolled back", async () => {
    await t.products.createProducts({ title: "Shirt", variants: [{ title: "One", sku: "SKU-1" }] })

    const error = await rejection(t.products.createProducts({ title: "Other", variants: [{ title: "One", sku: "SKU-1" }] }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("ProductVariant with sku: SKU-1 already exists.")
    expect(await t.rows("select title from product")).toEqual([{ title: "Shirt" }])
  })

  test("a soft-deleted product frees its handle and its variants' skus", async () => {
    const old = await t.products.createProducts({ title: "Shirt", variants: [{ title: "One", sku: "SKU-1" }] })
    await t.products.softDeleteProducts(old.id)

    const fresh = await t.products.createProducts({ title: "Shirt", variants: [{ title: "One", sku: "SKU-1" }] })
    expect(fresh.handle).toBe("shirt")
    expect(fresh.variants?.[0]?.sku).toBe("SKU-1")
  })
})
