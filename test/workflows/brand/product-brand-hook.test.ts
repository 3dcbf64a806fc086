import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { createStep, createWorkflow, WorkflowResponse } from "../../../src/framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
// In the app, start-up imports every file under src/workflows; a test imports the hook itself.
import "../../../src/workflows/hooks/product-brand.ts"
import { createProductsWorkflow } from "../../../src/workflows/product/index.ts"
import type { CreateProductsWorkflowInput } from "../../../src/workflows/product/index.ts"
import { catalogState, recordEvents, startCatalogApp, workflowFailure } from "../product/app.ts"
import type { CatalogApp } from "../product/app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

let counter = 0

function products(additional_data?: Record<string, unknown>): CreateProductsWorkflowInput {
  const n = ++counter
  return {
    products: [1, 2].map((i) => ({
      title: `Hoodie ${n}.${i}`,
      options: [{ title: "Size", values: ["M"] }],
      variants: [{ title: "M", sku: `HOODIE-${n}-${i}`, options: { Size: "M" }, prices: [{ amount: 40, currency_code: "usd" }] }],
    })),
    ...(additional_data === undefined ? {} : { additional_data }),
  }
}

async function brandOf(productId: string) {
  const { data } = await t.query.graph<{ brand: { id: string; name: string } | null }>({
    entity: "product",
    fields: ["brand.id", "brand.name"],
    filters: { id: productId },
  })
  return data[0]?.brand ?? null
}

describe("the productsCreated hook of src/workflows/hooks/product-brand.ts", () => {
  test("links every created product to additional_data.brand_id", async () => {
    const brand = await t.brands.createBrands({ name: "Acme" })

    const { result } = await createProductsWorkflow(t.container).run({ input: products({ brand_id: brand.id }) })

    for (const product of result) expect(await brandOf(product.id)).toEqual({ id: brand.id, name: "Acme" })
    expect((await events.drain()).map((event) => event.name)).toEqual(["product.created", "product.created"])
  })

  test("without a brand_id, products are created without a brand", async () => {
    const { result } = await createProductsWorkflow(t.container).run({ input: products({ erp_id: "42" }) })

    expect(await brandOf(result[0]!.id)).toBeNull()
  })

  test("an unknown brand fails the creation: products, price sets, inventory items and links are all gone, and nothing is announced", async () => {
    const channel = await t.channels.createSalesChannels({ name: "Web" })
    const input = products({ brand_id: "brand_missing" })
    input.products[0]!.sales_channels = [{ id: channel.id }]
    const before = await catalogState(t)
    await events.clear()

    const { stepId, cause } = await workflowFailure(createProductsWorkflow(t.container).run({ input }))

    expect(stepId).toBe("hook.productsCreated")
    expect(cause).toMatchObject({ type: "not_found", message: "Brand brand_missing (additional_data.brand_id) was not found" })
    expect(await catalogState(t)).toEqual(before)
    expect(await t.products.listProducts({ title: input.products.map((p) => p.title) })).toEqual([])
    expect(await t.inventory.listInventoryItems({ sku: ["HOODIE-" + counter + "-1", "HOODIE-" + counter + "-2"] })).toEqual([])
    expect(await events.drain()).toEqual([])
  })

  test("a brand_id that is not an id is invalid_data, naming the field", async () => {
    const { cause } = await workflowFailure(createProductsWorkflow(t.container).run({ input: products({ brand_id: 42 }) }))

    expect(cause).toMatchObject({ type: "invalid_data", message: "additional_data.brand_id must be a brand id, got 42" })
  })

  test("when a flow around the creation fails later, the brand links are dismissed with the rest", async () => {
    const brand = await t.brands.createBrands({ name: "Globex" })
    const refuse = createStep("refuse-import", async () => {
      throw new Error("the import was cancelled")
    })
    const importCatalog = createWorkflow("import-catalog", (input: WorkflowData<CreateProductsWorkflowInput>) => {
      const created = createProductsWorkflow.runAsStep({ input })
      refuse()
      return new WorkflowResponse(created)
    })
    const before = await catalogState(t)

    await workflowFailure(importCatalog(t.container).run({ input: products({ brand_id: brand.id }) }))

    expect(await catalogState(t)).toEqual(before)
    const links = await t.query.graph({ entity: "product_brand", fields: ["product_id"], filters: { brand_id: brand.id }, withDeleted: true })
    expect(links.data).toEqual([])
    expect(await events.drain()).toEqual([])
  })
})
