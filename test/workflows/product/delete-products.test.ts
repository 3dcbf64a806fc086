import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { deleteProductsWorkflow } from "../../../src/workflows/product/index.ts"
import type { ProductWithVariants } from "../../../src/workflows/product/index.ts"
import { catalogState, liveCount, recordEvents, scopeFailing, seedShirt, startCatalogApp, workflowFailure } from "./app.ts"
import type { CatalogApp } from "./app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
let failHook = false
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
  deleteProductsWorkflow.hooks.productsDeleted(async ({ ids }) => {
    if (failHook) throw new Error(`cannot forget ${ids.length} product(s)`)
    return new StepResponse(undefined)
  })
})
afterAll(() => t?.close())
beforeEach(async () => {
  failHook = false
  await events.clear()
})

/** The ids of the inventory items linked to a product's variants, in variant order. */
async function itemsOf(product: ProductWithVariants): Promise<string[]> {
  const { data } = await t.query.graph<{ product_variant_id: string; inventory_item_id: string }>({
    entity: "product_variant_inventory_item",
    fields: ["product_variant_id", "inventory_item_id"],
    filters: { product_variant_id: product.variants.map((variant) => variant.id) },
  })
  return product.variants.map((variant) => data.find((row) => row.product_variant_id === variant.id)!.inventory_item_id)
}

async function stockedLocation() {
  const [location] = await t.locations.createStockLocations([{ name: "Warehouse" }])
  return location!.id
}

describe("deleteProductsWorkflow", () => {
  test("soft-deletes the product with its variants, their price sets and inventory items, and its links", async () => {
    const [web] = await t.channels.createSalesChannels([{ name: "Web" }])
    const product = await seedShirt(t, { sales_channels: [{ id: web!.id }] })
    const itemIds = await itemsOf(product)
    const locationId = await stockedLocation()
    await t.inventory.createInventoryLevels(itemIds.map((id) => ({ inventory_item_id: id, location_id: locationId, stocked_quantity: 5 })))
    const variantIds = product.variants.map((variant) => variant.id)
    await events.clear()

    const { result } = await deleteProductsWorkflow(t.container).run({ input: { ids: [product.id, "prod_unknown"] } })

    expect(result).toEqual([product.id])
    expect(await t.products.listProducts({ id: product.id })).toEqual([])
    expect(await t.products.listProductVariants({ id: variantIds })).toEqual([])
    expect(await liveCount(t, "price_set", "id in (select price_set_id from product_variant_price_set where product_variant_id in (?))", [variantIds])).toBe(0)
    expect(await t.inventory.listInventoryItems({ id: itemIds })).toEqual([])
    expect(await t.inventory.listInventoryLevels({ inventory_item_id: itemIds })).toEqual([])
    for (const table of ["product_sales_channel", "product_variant_price_set", "product_variant_inventory_item"]) {
      const column = table === "product_sales_channel" ? "product_id" : "product_variant_id"
      const ids = table === "product_sales_channel" ? [product.id] : variantIds
      expect(await liveCount(t, table, `${column} in (?)`, [ids])).toBe(0)
    }
    // Soft-deleted, not gone: they can be restored.
    expect(await t.products.listProducts({ id: product.id }, { withDeleted: true })).toHaveLength(1)
    expect(await t.channels.listSalesChannels({ id: web!.id })).toHaveLength(1)
    expect(await events.drain()).toEqual([{ name: "product.deleted", data: { id: product.id } }])
  })

  test("keeps the inventory items another product's variant uses, and those with reserved stock", async () => {
    const product = await seedShirt(t)
    const [smallItem, mediumItem] = await itemsOf(product)
    const bundle = await seedShirt(t, {
      options: [],
      variants: [{ title: "Bundle", options: {}, prices: [], inventory_items: [{ inventory_item_id: smallItem!, required_quantity: 2 }] }],
    })
    const locationId = await stockedLocation()
    await t.inventory.createInventoryLevels([{ inventory_item_id: mediumItem!, location_id: locationId, stocked_quantity: 3 }])
    await t.inventory.reserve([{ inventory_item_id: mediumItem!, location_id: locationId, quantity: 1, line_item_id: "ordli_1" }])

    await deleteProductsWorkflow(t.container).run({ input: { ids: [product.id] } })

    expect((await t.inventory.listInventoryItems({ id: [smallItem!, mediumItem!] })).map((item) => item.id).sort()).toEqual(
      [smallItem!, mediumItem!].sort(),
    )
    expect(await t.inventory.retrieveReservedQuantity(mediumItem!, locationId)).toBe(1)
    expect(await itemsOf(bundle)).toEqual([smallItem])
  })
})

describe("deleteProductsWorkflow restores everything when a step fails", () => {
  test("inventory refuses to delete the items: the product, variants, price sets, items and links are back", async () => {
    const [web] = await t.channels.createSalesChannels([{ name: "Web" }])
    const product = await seedShirt(t, { sales_channels: [{ id: web!.id }] })
    const locationId = await stockedLocation()
    await t.inventory.createInventoryLevels((await itemsOf(product)).map((id) => ({ inventory_item_id: id, location_id: locationId, stocked_quantity: 2 })))
    const before = await catalogState(t)
    await events.clear()

    const { stepId, cause } = await workflowFailure(
      deleteProductsWorkflow(scopeFailing(t, "inventory", "softDeleteInventoryItems")).run({ input: { ids: [product.id] } }),
    )

    expect(stepId).toBe("delete-inventory-items-step")
    expect(cause.message).toBe("inventory.softDeleteInventoryItems is down")
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })

  test("the productsDeleted hook fails: everything deleted is restored and no event is published", async () => {
    const [web] = await t.channels.createSalesChannels([{ name: "Web" }])
    const product = await seedShirt(t, { sales_channels: [{ id: web!.id }] })
    const before = await catalogState(t)
    await events.clear()
    failHook = true

    const { stepId, cause } = await workflowFailure(deleteProductsWorkflow(t.container).run({ input: { ids: [product.id] } }))

    expect(stepId).toBe("hook.productsDeleted")
    expect(cause.message).toBe("cannot forget 1 product(s)")
    expect(await catalogState(t)).toEqual(before)
    expect(await itemsOf(product)).toHaveLength(2)
    expect(await events.drain()).toEqual([])
  })

  test("a product deleted before the run stays deleted when the run rolls back", async () => {
    const gone = await seedShirt(t)
    await deleteProductsWorkflow(t.container).run({ input: { ids: [gone.id] } })
    const live = await seedShirt(t)
    const before = await catalogState(t)
    failHook = true

    await workflowFailure(deleteProductsWorkflow(t.container).run({ input: { ids: [gone.id, live.id] } }))

    expect(await catalogState(t)).toEqual(before)
    expect(await t.products.listProducts({ id: gone.id })).toEqual([])
  })
})
