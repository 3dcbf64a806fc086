import { afterAll, beforeAll, expect, test } from "vitest"
import { createProductsWorkflow } from "../../../src/workflows/product/index.ts"
import { startCatalogApp } from "../product/app.ts"
import type { CatalogApp } from "../product/app.ts"

// This file does not import src/workflows/hooks/product-brand.ts: the app's start-up must.
let t: CatalogApp
beforeAll(async () => {
  t = await startCatalogApp()
})
afterAll(() => t?.close())

const input = (brandId: string, n: number) => ({
  products: [{ title: `Cap ${n}`, options: [], variants: [{ title: "One size", options: {}, prices: [] }] }],
  additional_data: { brand_id: brandId },
})

const brandOf = async (productId: string) =>
  (await t.query.graph<{ brand: { id: string } | null }>({ entity: "product", fields: ["brand.id"], filters: { id: productId } })).data[0]
    ?.brand ?? null

test("the app's start registers the product-brand hook shipped under src/workflows/hooks", async () => {
  const brand = await t.brands.createBrands({ name: "Initech" })
  const { result: early } = await createProductsWorkflow(t.container).run({ input: input(brand.id, 1) })
  expect(await brandOf(early[0]!.id)).toBeNull()

  await t.app.workflows.start()
  const { result } = await createProductsWorkflow(t.container).run({ input: input(brand.id, 2) })

  expect(await brandOf(result[0]!.id)).toEqual({ id: brand.id })
})
