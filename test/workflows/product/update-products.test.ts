import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { updateProductsWorkflow } from "../../../src/workflows/product/index.ts"
import { catalogState, recordEvents, salesChannelsOf, scopeFailing, seedShirt, startCatalogApp, workflowFailure } from "./app.ts"
import type { CatalogApp } from "./app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
  // The hook is free in this file: a handler that fails when asked to, to roll back every step before it.
  updateProductsWorkflow.hooks.productsUpdated(async ({ products, additional_data }) => {
    if (additional_data?.fail) throw new Error(`rejected ${products.length} product(s)`)
    return new StepResponse(undefined)
  })
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

const channelsOf = (productId: string) => salesChannelsOf(t, productId)

async function channels(...names: string[]) {
  return (await t.channels.createSalesChannels(names.map((name) => ({ name })))).map((channel) => channel.id)
}

describe("updateProductsWorkflow", () => {
  test("changes products by id and replaces their sales channels", async () => {
    const [web, app, pos] = await channels("Web", "App", "POS")
    const product = await seedShirt(t, { sales_channels: [{ id: web! }, { id: app! }] })
    await events.clear()

    const { result } = await updateProductsWorkflow(t.container).run({
      input: { products: [{ id: product.id, title: "Linen Shirt", status: "draft", sales_channels: [{ id: app! }, { id: pos! }] }] },
    })

    expect(result).toMatchObject([{ id: product.id, title: "Linen Shirt", status: "draft", handle: product.handle }])
    expect(await t.products.retrieveProduct(product.id)).toMatchObject({ title: "Linen Shirt", status: "draft" })
    expect(await channelsOf(product.id)).toEqual([app!, pos!].sort())
    expect(await events.drain()).toEqual([{ name: "product.updated", data: { id: product.id } }])
  })

  test("changes every product a selector matches; without sales_channels their channels stay", async () => {
    const [web] = await channels("Outlet")
    const first = await seedShirt(t, { sales_channels: [{ id: web! }], status: "proposed" })
    const second = await seedShirt(t, { status: "proposed" })
    await events.clear()

    const { result } = await updateProductsWorkflow(t.container).run({
      input: { selector: { id: [first.id, second.id], status: "proposed" }, update: { status: "published" } },
    })

    expect(result.map((product) => [product.id, product.status]).sort()).toEqual([[first.id, "published"], [second.id, "published"]].sort())
    expect(await channelsOf(first.id)).toEqual([web!])
    expect((await events.drain()).map((event) => event.name)).toEqual(["product.updated", "product.updated"])
  })

  test("an unknown product is not_found, naming it", async () => {
    const { stepId, cause } = await workflowFailure(
      updateProductsWorkflow(t.container).run({ input: { products: [{ id: "prod_missing", title: "x" }] } }),
    )

    expect(stepId).toBe("update-products-step")
    expect(cause).toMatchObject({ type: "not_found", message: "Product prod_missing was not found" })
  })
})

describe("updateProductsWorkflow changes nothing when a step fails", () => {
  test("the product module refuses a field: nothing changes", async () => {
    const product = await seedShirt(t)
    const before = await catalogState(t)
    await events.clear()

    const { stepId, cause } = await workflowFailure(
      updateProductsWorkflow(t.container).run({ input: { products: [{ id: product.id, title: "New", status: "sold" as "draft" }] } }),
    )

    expect(stepId).toBe("update-products-step")
    expect(cause.type).toBe("invalid_data")
    expect(cause.message).toContain('status must be one of draft, proposed, published, rejected, got "sold"')
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })

  test("linking an unknown sales channel fails: the title and the dismissed links come back", async () => {
    const [web, app] = await channels("Web", "App")
    const product = await seedShirt(t, { sales_channels: [{ id: web! }, { id: app! }] })
    const before = await catalogState(t)
    await events.clear()

    const { stepId, cause } = await workflowFailure(
      updateProductsWorkflow(t.container).run({
        input: { products: [{ id: product.id, title: "Renamed", sales_channels: [{ id: app! }, { id: "sc_missing" }] }] },
      }),
    )

    expect(stepId).toBe("create-links-step")
    expect(cause).toMatchObject({ type: "not_found", message: "sales_channel with id: sc_missing was not found" })
    expect(await catalogState(t)).toEqual(before)
    expect(await channelsOf(product.id)).toEqual([web!, app!].sort())
    expect(await events.drain()).toEqual([])
  })

  test("dismissing links fails: the products' columns are put back", async () => {
    const [web] = await channels("Web")
    const product = await seedShirt(t, { sales_channels: [{ id: web! }] })
    const before = await catalogState(t)
    await events.clear()

    const { stepId } = await workflowFailure(
      updateProductsWorkflow(scopeFailing(t, "link", "dismiss")).run({
        input: { products: [{ id: product.id, subtitle: "Soft cotton", sales_channels: [] }] },
      }),
    )

    expect(stepId).toBe("dismiss-links-step")
    expect(await catalogState(t)).toEqual(before)
  })

  test("the productsUpdated hook fails: columns and sales channels are as before, and no event is published", async () => {
    const [web, app] = await channels("Web", "App")
    const product = await seedShirt(t, { sales_channels: [{ id: web! }] })
    const before = await catalogState(t)
    await events.clear()

    const { stepId, cause } = await workflowFailure(
      updateProductsWorkflow(t.container).run({
        input: { products: [{ id: product.id, title: "Renamed", sales_channels: [{ id: app! }] }], additional_data: { fail: true } },
      }),
    )

    expect(stepId).toBe("hook.productsUpdated")
    expect(cause.message).toBe("rejected 1 product(s)")
    expect(await catalogState(t)).toEqual(before)
    expect(await channelsOf(product.id)).toEqual([web!])
    expect(await events.drain()).toEqual([])
  })
})
