import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { updateProductAndVariantsWorkflow } from "../../../src/workflows/product/index.ts"
import { catalogState, liveCount, recordEvents, salesChannelsOf, scopeFailing, seedShirt, startCatalogApp, workflowFailure } from "./app.ts"
import type { CatalogApp } from "./app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

type ReadVariant = { id: string; title: string; sku: string | null; prices: { amount: string; currency_code: string }[]; inventory_items: { id: string }[] }

async function readProduct(id: string) {
  const { data } = await t.query.graph<{
    title: string
    options: { title: string; values: { value: string }[] }[]
    variants: ReadVariant[]
  }>({
    entity: "product",
    fields: ["title", "options.title", "options.values.value", "variants.title", "variants.sku", "variants.prices.amount", "variants.prices.currency_code", "variants.inventory_items.id"],
    filters: { id },
  })
  return data[0]!
}

describe("updateProductAndVariantsWorkflow", () => {
  test("changes the product, adds options, and makes its variants the given list", async () => {
    const shirt = await seedShirt(t)
    const [small, medium] = shirt.variants
    const channel = await t.channels.createSalesChannels({ name: "Web" })
    const mediumItems = (await readProduct(shirt.id)).variants.find((variant) => variant.id === medium!.id)!.inventory_items

    const { result } = await updateProductAndVariantsWorkflow(t.container).run({
      input: {
        id: shirt.id,
        update: {
          title: "Better shirt",
          sales_channels: [{ id: channel.id }],
          options: [{ title: "Size", values: ["S", "M", "L"] }],
          variants: [
            { id: small!.id, title: "Small", prices: [{ currency_code: "usd", amount: 11 }] },
            { title: "L", sku: `${small!.sku}-L`, options: { Size: "L" }, prices: [{ currency_code: "usd", amount: 14 }] },
          ],
        },
      },
    })

    expect(result).toMatchObject({ id: shirt.id, title: "Better shirt" })
    const product = await readProduct(shirt.id)
    expect(product.options[0]!.values.map((value) => value.value).sort()).toEqual(["L", "M", "S"])
    const titles = product.variants.map((variant) => variant.title).sort()
    expect(titles).toEqual(["L", "Small"])
    expect(product.variants.find((variant) => variant.title === "Small")!.prices).toEqual([{ id: expect.any(String), amount: "11", currency_code: "usd" }])
    const large = product.variants.find((variant) => variant.title === "L")!
    expect(large.prices).toEqual([{ id: expect.any(String), amount: "14", currency_code: "usd" }])
    expect(large.inventory_items).toHaveLength(1)
    expect(await salesChannelsOf(t, shirt.id)).toEqual([channel.id])
    // The removed variant's own inventory item went with it.
    expect(await liveCount(t, "inventory_item", "id = ?", [mediumItems[0]!.id])).toBe(0)

    const names = (await events.drain()).map((event) => event.name)
    expect(names).toEqual(expect.arrayContaining(["product.updated", "product-variant.deleted", "product-variant.updated", "product-variant.created"]))
  })

  test("without variants or options only the product changes", async () => {
    const shirt = await seedShirt(t)
    const before = await readProduct(shirt.id)

    await updateProductAndVariantsWorkflow(t.container).run({ input: { id: shirt.id, update: { subtitle: "Soft" } } })

    const after = await readProduct(shirt.id)
    expect(after.variants).toEqual(before.variants)
    expect(after.options).toEqual(before.options)
  })

  test("a variant of another product is refused before anything changes", async () => {
    const shirt = await seedShirt(t)
    const other = await seedShirt(t)
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      updateProductAndVariantsWorkflow(t.container).run({
        input: { id: shirt.id, update: { title: "Hijack", variants: [{ id: other.variants[0]!.id, title: "Mine" }] } },
      }),
    )

    expect(stepId).toBe("plan-product-variants-step")
    expect(cause).toMatchObject({ type: "invalid_data", message: `variants.0.id: ${other.variants[0]!.id} is not a variant of product ${shirt.id}` })
    expect(await catalogState(t)).toEqual(before)
  })

  test("a failure at the last write undoes every change before it", async () => {
    const shirt = await seedShirt(t)
    const [small] = shirt.variants
    const before = await catalogState(t)

    // The new variant's price set is the last thing written: everything before it is undone.
    const failing = scopeFailing(t, "pricing", "createPriceSets")
    const { stepId, cause } = await workflowFailure(
      updateProductAndVariantsWorkflow(failing).run({
        input: {
          id: shirt.id,
          update: {
            title: "Never",
            status: "draft",
            options: [{ title: "Size", values: ["XL"] }, { title: "Fit", values: ["Slim"] }],
            variants: [
              { id: small!.id, title: "Never small", prices: [{ currency_code: "eur", amount: 9 }] },
              { title: "XL", options: { Size: "XL", Fit: "Slim" }, prices: [{ currency_code: "usd", amount: 20 }] },
            ],
          },
        },
      }),
    )

    expect(stepId).toBe("create-product-variants-as-step")
    expect(cause.message).toContain("pricing.createPriceSets is down")
    expect(await catalogState(t)).toEqual(before)
  })
})
