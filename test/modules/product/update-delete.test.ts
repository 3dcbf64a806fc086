import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { UpdateProductInput } from "../../../src/modules/product/index.ts"
import { rejection, shirt, startProductApp } from "./product-app.ts"
import type { ProductApp } from "./product-app.ts"

let t: ProductApp
beforeAll(async () => {
  t = await startProductApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("updateProducts", () => {
  test("changes columns; the handle stays when the title changes", async () => {
    const product = await t.products.createProducts({ title: "Shirt" })

    const updated = await t.products.updateProducts({ id: product.id, title: "Better Shirt", status: "published", weight: 300 })

    expect(updated).toMatchObject({ id: product.id, title: "Better Shirt", handle: "shirt", status: "published", weight: 300 })
    expect(await t.products.retrieveProduct(product.id)).toMatchObject({ title: "Better Shirt", status: "published" })
  })

  test("several by id, or all that match a selector", async () => {
    const [a, b] = await t.products.createProducts([{ title: "A" }, { title: "B" }])
    await t.products.updateProducts([
      { id: a!.id, subtitle: "first" },
      { id: b!.id, subtitle: "second" },
    ])
    const published = await t.products.updateProducts({ selector: { id: [a!.id, b!.id] }, data: { status: "published" } })

    expect(published.map((p) => p.status)).toEqual(["published", "published"])
    expect((await t.products.listProducts({}, { order: { title: "ASC" } })).map((p) => p.subtitle)).toEqual(["first", "second"])
  })

  test("invalid values are refused with invalid_data naming the field", async () => {
    const product = await t.products.createProducts({ title: "Shirt" })

    const title = await rejection(t.products.updateProducts({ id: product.id, title: "" }))
    expect(title.message).toBe("Product: title is required")
    const handle = await rejection(t.products.updateProducts({ id: product.id, handle: "Not OK" }))
    expect(handle.message).toContain('handle "Not OK" is not valid')
    const status = await rejection(t.products.updateProducts([{ id: product.id, status: "gone" } as unknown as UpdateProductInput]))
    expect(status.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(status.message).toContain("status must be one of")
    const selector = await rejection(t.products.updateProducts({ selector: { id: product.id }, data: { handle: "x y" } }))
    expect(selector.message).toContain('handle "x y" is not valid')
  })

  test("a handle another product has: duplicate_error", async () => {
    await t.products.createProducts({ title: "Taken" })
    const product = await t.products.createProducts({ title: "Free" })

    const error = await rejection(t.products.updateProducts({ id: product.id, handle: "taken" }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("Product with handle: taken already exists.")
  })

  test("an unknown product: not_found naming it", async () => {
    const error = await rejection(t.products.updateProducts({ id: "prod_missing", title: "x" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Product with id: prod_missing was not found")
  })
})

describe("softDeleteProducts and restoreProducts", () => {
  test("soft-deleting a product soft-deletes its variants, options and option values", async () => {
    const product = await t.products.createProducts(shirt([{ title: "S / Black", sku: "SB", options: { Size: "S", Color: "Black" } }]))
    const other = await t.products.createProducts({ title: "Other", variants: [{ title: "Kept" }] })

    await t.products.softDeleteProducts([product.id])

    for (const table of ["product_variant", "product_option"]) {
      const rows = await t.rows<{ deleted: boolean }>(`select deleted_at is not null as deleted from ${table} where product_id = ?`, [product.id])
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.every((row) => row.deleted)).toBe(true)
    }
    const values = await t.rows<{ deleted: boolean }>("select deleted_at is not null as deleted from product_option_value")
    expect(values).toHaveLength(4)
    expect(values.every((row) => row.deleted)).toBe(true)
    await expect(t.products.retrieveProduct(product.id)).rejects.toMatchObject({ type: AgoraError.Types.NOT_FOUND })
    expect((await t.products.listProductVariants()).map((v) => v.title)).toEqual(["Kept"])
    expect(await t.products.retrieveProduct(product.id, { withDeleted: true })).toMatchObject({ id: product.id })
    expect((await t.products.retrieveProduct(other.id)).deleted_at).toBeNull()
  })

  test("restoring brings back the product and what was deleted with it, not what was deleted before", async () => {
    const product = await t.products.createProducts(
      shirt([
        { title: "S / Black", options: { Size: "S", Color: "Black" } },
        { title: "M / Black", options: { Size: "M", Color: "Black" } },
      ]),
    )
    const dropped = product.variants![1]!
    await t.products.softDeleteProductVariants(dropped.id)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await t.products.softDeleteProducts(product.id)

    await t.products.restoreProducts(product.id)

    const restored = await t.products.retrieveProduct(product.id, { relations: ["options", "options.values", "variants", "variants.options"] })
    expect(restored.variants?.map((v) => v.title)).toEqual(["S / Black"])
    expect(restored.variants?.[0]?.options?.map((o) => o.value).sort()).toEqual(["Black", "S"])
    expect(restored.options?.flatMap((o) => o.values ?? []).map((v) => v.value).sort()).toEqual(["Black", "M", "S", "White"])
  })

  test("restoring a product whose handle was taken meanwhile: duplicate_error, nothing restored", async () => {
    const old = await t.products.createProducts({ title: "Shirt" })
    await t.products.softDeleteProducts(old.id)
    await t.products.createProducts({ title: "Shirt" })

    const error = await rejection(t.products.restoreProducts(old.id))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toContain("handle")
    expect(await t.rows("select count(*)::int as n from product where deleted_at is null")).toEqual([{ n: 1 }])
  })

  test("an empty list does nothing", async () => {
    await t.products.softDeleteProducts([])
    await t.products.restoreProducts([])
  })
})

describe("deleteProducts", () => {
  test("hard-deleting a product removes its variants, options, values and their links", async () => {
    const product = await t.products.createProducts(shirt([{ title: "S / Black", options: { Size: "S", Color: "Black" } }]))
    const kept = await t.products.createProducts({ title: "Kept", variants: [{ title: "One" }] })

    await t.products.deleteProducts(product.id)

    for (const table of ["product", "product_option", "product_option_value", "product_variant_option"]) {
      expect(await t.rows(`select * from ${table}`), table).toHaveLength(table === "product" ? 1 : 0)
    }
    expect(await t.rows("select product_id from product_variant")).toEqual([{ product_id: kept.id }])
  })
})
