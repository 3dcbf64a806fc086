import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import {
  createProductVariantsWorkflow,
  deleteProductVariantsWorkflow,
  updateProductVariantsWorkflow,
} from "../../../src/workflows/product/index.ts"
import { catalogState, recordEvents, scopeFailing, seedShirt, startCatalogApp, workflowFailure } from "./app.ts"
import type { CatalogApp } from "./app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
let failHooks = false
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
  updateProductVariantsWorkflow.hooks.productVariantsUpdated(async () => {
    if (failHooks) throw new Error("variants rejected")
    return new StepResponse(undefined)
  })
  deleteProductVariantsWorkflow.hooks.productVariantsDeleted(async () => {
    if (failHooks) throw new Error("deletion rejected")
    return new StepResponse(undefined)
  })
})
afterAll(() => t?.close())
beforeEach(async () => {
  failHooks = false
  await events.clear()
})

type GraphVariant = {
  id: string
  title: string
  sku: string | null
  options: { value: string }[]
  price_set: { id: string; prices: { id: string; amount: string; currency_code: string; price_rules: { attribute: string; value: string }[] }[] } | null
  inventory_items: { id: string; sku: string | null }[]
  inventory_item_link: { required_quantity: number }[]
}

async function readVariant(id: string): Promise<GraphVariant | undefined> {
  const { data } = await t.query.graph<GraphVariant>({
    entity: "product_variant",
    fields: [
      "id",
      "title",
      "sku",
      "options.value",
      "price_set.id",
      "price_set.prices.id",
      "price_set.prices.amount",
      "price_set.prices.currency_code",
      "price_set.prices.price_rules.attribute",
      "price_set.prices.price_rules.value",
      "inventory_items.id",
      "inventory_items.sku",
      "inventory_item_link.required_quantity",
    ],
    filters: { id },
  })
  return data[0]
}

const pricesOf = (variant: GraphVariant | undefined) =>
  (variant?.price_set?.prices ?? [])
    .map((price) => [price.amount, price.currency_code, ...price.price_rules.map((rule) => `${rule.attribute}=${rule.value}`)].join(" "))
    .sort()

/** A product with sizes S, M and L, of which only S and M have variants. */
const seedSizes = () =>
  seedShirt(t, {
    options: [{ title: "Size", values: ["S", "M", "L"] }],
  })

describe("createProductVariantsWorkflow", () => {
  test("adds a variant with its price set, an inventory item and the links", async () => {
    const product = await seedSizes()
    await events.clear()

    const { result } = await createProductVariantsWorkflow(t.container).run({
      input: {
        product_variants: [
          { product_id: product.id, title: "L", sku: `${product.handle}-L`, options: { Size: "L" }, prices: [{ amount: "14.99", currency_code: "usd" }] },
        ],
      },
    })

    expect(result).toMatchObject([{ title: "L", product_id: product.id, prices: [{ amount: "14.99", currency_code: "usd" }] }])
    const stored = await readVariant(result[0]!.id)
    expect(stored).toMatchObject({ sku: `${product.handle}-L`, options: [{ value: "L" }], inventory_items: [{ sku: `${product.handle}-L` }] })
    expect(pricesOf(stored)).toEqual(["14.99 usd"])
    expect(await events.drain()).toEqual([{ name: "product-variant.created", data: { id: result[0]!.id } }])
  })

  test("an unknown product is not_found, and nothing is written", async () => {
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      createProductVariantsWorkflow(t.container).run({ input: { product_variants: [{ product_id: "prod_missing", title: "L", options: {} }] } }),
    )

    expect(stepId).toBe("create-product-variants-step")
    expect(cause).toMatchObject({ type: "not_found", message: "Product with id: prod_missing was not found" })
    expect(await catalogState(t)).toEqual(before)
  })

  test("pricing refuses an amount: the variant is deleted", async () => {
    const product = await seedSizes()
    const before = await catalogState(t)
    await events.clear()

    const { stepId, cause } = await workflowFailure(
      createProductVariantsWorkflow(t.container).run({
        input: { product_variants: [{ product_id: product.id, title: "L", options: { Size: "L" }, prices: [{ amount: -1, currency_code: "usd" }] }] },
      }),
    )

    expect(stepId).toBe("create-price-sets-step")
    expect(cause.type).toBe("invalid_data")
    expect(cause.message).toContain("amount must be a number of at least 0, got -1")
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })

  test("inventory refuses the item (sku taken): the variant and its price set are deleted", async () => {
    const product = await seedSizes()
    await t.inventory.createInventoryItems({ sku: "TAKEN-L" })
    const before = await catalogState(t)

    const { stepId } = await workflowFailure(
      createProductVariantsWorkflow(t.container).run({
        input: { product_variants: [{ product_id: product.id, title: "L", sku: "TAKEN-L", options: { Size: "L" }, prices: [] }] },
      }),
    )

    expect(stepId).toBe("create-inventory-items-step")
    expect(await catalogState(t)).toEqual(before)
  })

  test("linking an unknown inventory item fails: the variant, its price set and the items made are deleted", async () => {
    const product = await seedSizes()
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      createProductVariantsWorkflow(t.container).run({
        input: {
          product_variants: [
            { product_id: product.id, title: "L", options: { Size: "L" }, prices: [], inventory_items: [{ inventory_item_id: "iitem_missing" }] },
          ],
        },
      }),
    )

    expect(stepId).toBe("create-links-step")
    expect(cause).toMatchObject({ type: "not_found", message: "inventory_item with id: iitem_missing was not found" })
    expect(await catalogState(t)).toEqual(before)
  })
})

describe("updateProductVariantsWorkflow", () => {
  test("changes columns and option values, and replaces prices in the variant's price set", async () => {
    const product = await seedSizes()
    const small = product.variants[0]!
    const [usd] = small.prices
    await events.clear()

    const { result } = await updateProductVariantsWorkflow(t.container).run({
      input: {
        product_variants: [
          {
            id: small.id,
            title: "Large",
            options: { Size: "L" },
            prices: [
              { id: usd!.id, amount: 11 },
              { amount: 10, currency_code: "eur", rules: { region_id: "reg_eu" } },
            ],
          },
        ],
      },
    })

    expect(result).toMatchObject([{ id: small.id, title: "Large" }])
    const stored = await readVariant(small.id)
    expect(stored).toMatchObject({ title: "Large", options: [{ value: "L" }] })
    expect(stored!.price_set!.prices.map((price) => price.id)).toContain(usd!.id)
    expect(pricesOf(stored)).toEqual(["10 eur region_id=reg_eu", "11 usd"])
    expect(await events.drain()).toEqual([{ name: "product-variant.updated", data: { id: small.id } }])
  })

  test("a variant without a price set gets one", async () => {
    const product = await seedSizes()
    const bare = await t.products.createProductVariants({ product_id: product.id, title: "L", options: { Size: "L" } })

    await updateProductVariantsWorkflow(t.container).run({
      input: { selector: { id: bare.id }, update: { prices: [{ amount: 3, currency_code: "usd" }] } },
    })

    expect(pricesOf(await readVariant(bare.id))).toEqual(["3 usd"])
  })

  test("a price that is not the variant's fails: the columns are put back", async () => {
    const product = await seedSizes()
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(
      updateProductVariantsWorkflow(t.container).run({
        input: { product_variants: [{ id: product.variants[0]!.id, title: "Renamed", prices: [{ id: product.variants[1]!.prices[0]!.id, amount: 1 }] }] },
      }),
    )

    expect(stepId).toBe("upsert-variant-prices-step")
    expect(cause.type).toBe("invalid_data")
    expect(cause.message).toContain(`price ${product.variants[1]!.prices[0]!.id} is not in this price set`)
    expect(await catalogState(t)).toEqual(before)
  })

  test("the hook fails: columns, options and prices are exactly as before (same price ids and rules)", async () => {
    const product = await seedSizes()
    const small = product.variants[0]!
    await updateProductVariantsWorkflow(t.container).run({
      input: { product_variants: [{ id: small.id, prices: [{ id: small.prices[0]!.id, amount: 10, rules: { region_id: "reg_us" } }, { amount: 8, currency_code: "eur" }] }] },
    })
    const before = await catalogState(t)
    await events.clear()
    failHooks = true

    const { stepId } = await workflowFailure(
      updateProductVariantsWorkflow(t.container).run({
        input: { product_variants: [{ id: small.id, title: "XS", options: { Size: "L" }, prices: [{ amount: 1, currency_code: "gbp" }] }] },
      }),
    )

    expect(stepId).toBe("hook.productVariantsUpdated")
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })
})

describe("deleteProductVariantsWorkflow", () => {
  test("soft-deletes variants with their price sets and inventory items", async () => {
    const product = await seedSizes()
    const small = product.variants[0]!
    const item = (await readVariant(small.id))!.inventory_items[0]!
    const priceSet = (await readVariant(small.id))!.price_set!
    await events.clear()

    const { result } = await deleteProductVariantsWorkflow(t.container).run({ input: { ids: [small.id] } })

    expect(result).toEqual([small.id])
    expect(await t.products.listProductVariants({ product_id: product.id }, { select: ["id"] })).toEqual([{ id: product.variants[1]!.id }])
    expect(await t.pricing.listPriceSets({ id: priceSet.id })).toEqual([])
    expect(await t.inventory.listInventoryItems({ id: item.id })).toEqual([])
    expect(await events.drain()).toEqual([{ name: "product-variant.deleted", data: { id: small.id } }])
  })

  test("the hook fails: the variants, price sets, items and links are back", async () => {
    const product = await seedSizes()
    const before = await catalogState(t)
    failHooks = true

    const { stepId } = await workflowFailure(deleteProductVariantsWorkflow(t.container).run({ input: { ids: product.variants.map((v) => v.id) } }))

    expect(stepId).toBe("hook.productVariantsDeleted")
    expect(await catalogState(t)).toEqual(before)
  })

  test("inventory refuses to delete the items: the variants come back", async () => {
    const product = await seedSizes()
    const before = await catalogState(t)

    const { stepId } = await workflowFailure(
      deleteProductVariantsWorkflow(scopeFailing(t, "inventory", "softDeleteInventoryItems")).run({ input: { ids: [product.variants[0]!.id] } }),
    )

    expect(stepId).toBe("delete-inventory-items-step")
    expect(await catalogState(t)).toEqual(before)
  })
})
