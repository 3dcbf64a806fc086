import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { createProductsWorkflow } from "../../../src/workflows/product/index.ts"
import type { CreateProductWorkflowInput } from "../../../src/workflows/product/index.ts"
import { catalogState, recordEvents, scopeFailing, startCatalogApp, workflowFailure } from "./app.ts"
import type { CatalogApp } from "./app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

let counter = 0
const unique = (name: string) => `${name}-${++counter}`

function shirt(overrides: Partial<CreateProductWorkflowInput> = {}): CreateProductWorkflowInput {
  const sku = unique("SHIRT")
  return {
    title: unique("Shirt"),
    status: "published",
    options: [{ title: "Size", values: ["S", "M"] }],
    variants: [
      {
        title: "S",
        sku: `${sku}-S`,
        options: { Size: "S" },
        prices: [
          { amount: 10.5, currency_code: "usd" },
          { amount: 9, currency_code: "eur", rules: { region_id: "reg_eu" } },
        ],
      },
      { title: "M", sku: `${sku}-M`, options: { Size: "M" }, manage_inventory: false, allow_backorder: true, prices: [{ amount: 12, currency_code: "usd" }] },
    ],
    ...overrides,
  }
}

type GraphProduct = {
  id: string
  title: string
  status: string
  sales_channels: { id: string }[]
  variants: {
    sku: string
    manage_inventory: boolean
    allow_backorder: boolean
    options: { value: string }[]
    price_set: { prices: { amount: string; currency_code: string; price_rules: { attribute: string; value: string }[] }[] } | null
    inventory_items: { sku: string | null; title: string | null }[]
    inventory_item_link: { required_quantity: number }[]
  }[]
}

async function readProduct(id: string): Promise<GraphProduct | undefined> {
  const { data } = await t.query.graph<GraphProduct>({
    entity: "product",
    fields: [
      "id",
      "title",
      "status",
      "sales_channels.id",
      "variants.sku",
      "variants.manage_inventory",
      "variants.allow_backorder",
      "variants.options.value",
      "variants.price_set.prices.amount",
      "variants.price_set.prices.currency_code",
      "variants.price_set.prices.price_rules.attribute",
      "variants.price_set.prices.price_rules.value",
      "variants.inventory_items.sku",
      "variants.inventory_items.title",
      "variants.inventory_item_link.required_quantity",
    ],
    filters: { id },
  })
  return data[0]
}

/** A variant's prices as "amount currency rule=value", sorted. */
function pricesOf(variant: GraphProduct["variants"][number]): string[] {
  return (variant.price_set?.prices ?? [])
    .map((price) => [price.amount, price.currency_code, ...price.price_rules.map((rule) => `${rule.attribute}=${rule.value}`)].join(" "))
    .sort()
}

describe("createProductsWorkflow", () => {
  test("creates products with variants, a price set per variant, an inventory item per stocked variant and sales channel links", async () => {
    const channel = await t.channels.createSalesChannels({ name: "Web" })
    const input = shirt({ sales_channels: [{ id: channel.id }] })

    const { result } = await createProductsWorkflow(t.container).run({ input: { products: [input] } })

    expect(result).toHaveLength(1)
    const product = result[0]!
    expect(product.title).toBe(input.title)
    expect(product.variants.map((variant) => [variant.title, variant.prices.map((price) => [price.amount, price.currency_code])])).toEqual([
      ["S", [["10.5", "usd"], ["9", "eur"]]],
      ["M", [["12", "usd"]]],
    ])
    const stored = await readProduct(product.id)
    expect(stored).toMatchObject({ title: input.title, status: "published", sales_channels: [{ id: channel.id }] })
    const small = stored!.variants.find((variant) => variant.sku === input.variants![0]!.sku)
    const medium = stored!.variants.find((variant) => variant.sku === input.variants![1]!.sku)
    expect(small).toMatchObject({
      sku: input.variants![0]!.sku,
      manage_inventory: true,
      options: [{ value: "S" }],
      inventory_items: [{ sku: input.variants![0]!.sku, title: "S" }],
      inventory_item_link: [{ required_quantity: 1 }],
    })
    expect(pricesOf(small!)).toEqual(["10.5 usd", "9 eur region_id=reg_eu"])
    // A variant that does not manage inventory gets no inventory item, but still its prices.
    expect(medium).toMatchObject({ manage_inventory: false, allow_backorder: true, inventory_items: [] })
    expect(pricesOf(medium!)).toEqual(["12 usd"])
    expect(await events.drain()).toEqual([{ name: "product.created", data: { id: product.id } }])
  })

  test("emits product.created once per product", async () => {
    const { result } = await createProductsWorkflow(t.container).run({ input: { products: [shirt(), shirt({ variants: [] })] } })

    expect(await events.drain()).toEqual(result.map((product) => ({ name: "product.created", data: { id: product.id } })))
    expect(result[1]!.variants).toEqual([])
  })

  test("a variant naming its inventory items is linked to them, with their required quantity, and gets no item of its own", async () => {
    const [cotton] = await t.inventory.createInventoryItems([{ sku: unique("COTTON"), title: "Cotton" }])
    const input = shirt({
      variants: [{ title: "S", options: { Size: "S" }, prices: [], inventory_items: [{ inventory_item_id: cotton!.id, required_quantity: 2 }] }],
    })

    const { result } = await createProductsWorkflow(t.container).run({ input: { products: [input] } })

    const stored = await readProduct(result[0]!.id)
    expect(stored!.variants[0]).toMatchObject({ inventory_items: [{ sku: cotton!.sku }], inventory_item_link: [{ required_quantity: 2 }] })
  })
})

describe("createProductsWorkflow leaves nothing behind when a step fails", () => {
  test("the product module refuses the product (a variant picks an unknown option value)", async () => {
    const before = await catalogState(t)
    await events.clear()
    const input = shirt()
    input.variants![0]!.options = { Size: "XL" }

    const { stepId, cause } = await workflowFailure(createProductsWorkflow(t.container).run({ input: { products: [input] } }))

    expect(stepId).toBe("create-products-step")
    expect(cause).toMatchObject({ type: "invalid_data", message: 'Variant "S": option "Size" has no value "XL"' })
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })

  test("pricing refuses a price: the products created before are deleted", async () => {
    const before = await catalogState(t)
    await events.clear()
    const input = shirt()
    input.variants![1]!.prices = [{ amount: 5, currency_code: "dollars" }]

    const { stepId, cause } = await workflowFailure(createProductsWorkflow(t.container).run({ input: { products: [input] } }))

    expect(stepId).toBe("create-price-sets-step")
    expect(cause.type).toBe("invalid_data")
    expect(cause.message).toContain('currency_code must be a three-letter ISO 4217 code, got "dollars"')
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })

  test("inventory refuses an item (its sku is taken): the products and price sets are deleted", async () => {
    const input = shirt()
    await t.inventory.createInventoryItems({ sku: input.variants![0]!.sku, title: "already stocked" })
    const before = await catalogState(t)
    await events.clear()

    const { stepId, cause } = await workflowFailure(createProductsWorkflow(t.container).run({ input: { products: [input] } }))

    expect(stepId).toBe("create-inventory-items-step")
    expect(cause.type).toBe("duplicate_error")
    expect(cause.message).toContain(input.variants![0]!.sku!)
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })

  test("linking fails (an unknown sales channel): products, price sets and inventory items are deleted", async () => {
    const before = await catalogState(t)
    await events.clear()
    const input = shirt({ sales_channels: [{ id: "sc_missing" }] })

    const { stepId, cause } = await workflowFailure(createProductsWorkflow(t.container).run({ input: { products: [input] } }))

    expect(stepId).toBe("create-links-step")
    expect(cause).toMatchObject({ type: "not_found", message: "sales_channel with id: sc_missing was not found" })
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })

  test("the link service is down: nothing is left either", async () => {
    const before = await catalogState(t)
    await events.clear()
    const scope = scopeFailing(t, "link", "create")

    const { stepId, cause } = await workflowFailure(createProductsWorkflow(scope).run({ input: { products: [shirt()] } }))

    expect(stepId).toBe("create-links-step")
    expect(cause.message).toBe("link.create is down")
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })
})
