import { afterAll, beforeAll, expect, test } from "vitest"
import { RECORD_HOOKS_KEY } from "../../../src/framework/modules/index.ts"
import type { RecordChange, RecordHooks } from "../../../src/framework/modules/index.ts"
import { shirt, startProductApp } from "./product-app.ts"
import type { ProductApp } from "./product-app.ts"

let t: ProductApp
const changes: string[] = []
beforeAll(async () => {
  t = await startProductApp()
  const hooks = t.app.container.resolve<RecordHooks>(RECORD_HOOKS_KEY)
  const record = async ({ model, ids, operation }: RecordChange) => {
    changes.push(`${operation} ${model.name} ${ids.length}`)
  }
  for (const name of ["product", "product_variant", "product_option", "product_option_value"]) hooks.on(name, record)
})
afterAll(() => t.close())

// Links follow records through these hooks: a cascade that skipped them would leave links behind.
test("soft delete, restore and delete of products reach the record hooks of every cascaded model", async () => {
  const product = await t.products.createProducts(
    shirt([
      { title: "S / Black", options: { Size: "S", Color: "Black" } },
      { title: "M / Black", options: { Size: "M", Color: "Black" } },
    ]),
  )

  await t.products.softDeleteProducts(product.id)
  await t.products.restoreProducts(product.id)
  await t.products.deleteProducts(product.id)

  expect(changes).toEqual([
    "softDelete product 1",
    "softDelete product_variant 2",
    "softDelete product_option 2",
    "softDelete product_option_value 4",
    "restore product 1",
    "restore product_variant 2",
    "restore product_option 2",
    "restore product_option_value 4",
    "delete product_variant 2",
    "delete product_option_value 4",
    "delete product_option 2",
    "delete product 1",
  ])
  expect(await t.rows("select id from product_variant")).toEqual([])
})
