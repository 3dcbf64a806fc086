import { afterAll, beforeAll, expect, test } from "vitest"
import { rejection, startLinksApp } from "./links-app.ts"
import type { LinksApp } from "./links-app.ts"

let t: LinksApp
beforeAll(async () => {
  t = await startLinksApp()
})
afterAll(() => t.close())

let counter = 0
async function bundle() {
  counter += 1
  const product = await t.products.createProducts({ title: `Gift box ${counter}`, variants: [{ title: "Default", sku: `BOX-${counter}` }] })
  const [mug, tea] = await t.inventory.createInventoryItems([{ sku: `MUG-${counter}` }, { sku: `TEA-${counter}` }])
  return { variantId: product.variants![0]!.id, mug: mug!.id, tea: tea!.id }
}

const itemLink = (variantId: string, itemId: string, data?: Record<string, unknown>) => ({
  product: { product_variant_id: variantId },
  inventory: { inventory_item_id: itemId },
  ...(data ? { data } : {}),
})

test("required_quantity defaults to 1 and is read through Query beside the item", async () => {
  const { variantId, mug, tea } = await bundle()

  const rows = await t.link.create([itemLink(variantId, mug), itemLink(variantId, tea, { required_quantity: 3 })])

  expect(rows.map((row) => [row.inventory_item_id, row.required_quantity])).toEqual([
    [mug, 1],
    [tea, 3],
  ])
  const { data } = await t.query.graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.sku", "inventory_item_link.required_quantity", "inventory_item_link.inventory_item_id"],
    filters: { id: variantId },
  })
  expect(data[0]!.inventory_items).toEqual(
    expect.arrayContaining([
      { id: mug, sku: expect.stringMatching(/^MUG-/) },
      { id: tea, sku: expect.stringMatching(/^TEA-/) },
    ]),
  )
  expect(data[0]!.inventory_item_link).toEqual(
    expect.arrayContaining([
      { id: expect.stringMatching(/^pvitem_/), inventory_item_id: mug, required_quantity: 1 },
      { id: expect.stringMatching(/^pvitem_/), inventory_item_id: tea, required_quantity: 3 },
    ]),
  )
})

test("the link rows are an entity of their own, with both ends, filterable on required_quantity", async () => {
  const { variantId, mug, tea } = await bundle()
  await t.link.create([itemLink(variantId, mug, { required_quantity: 2 }), itemLink(variantId, tea)])

  const { data } = await t.query.graph({
    entity: "product_variant_inventory_item",
    fields: ["required_quantity", "inventory_item.sku", "product_variant.sku"],
    filters: { product_variant_id: variantId, required_quantity: { $gt: 1 } },
  })

  expect(data).toEqual([
    {
      id: expect.stringMatching(/^pvitem_/),
      required_quantity: 2,
      inventory_item: { id: mug, sku: expect.stringMatching(/^MUG-/) },
      product_variant: { id: variantId, sku: expect.stringMatching(/^BOX-/) },
    },
  ])
})

test("linking the same pair again keeps one link and updates required_quantity", async () => {
  const { variantId, mug } = await bundle()
  const [first] = await t.link.create(itemLink(variantId, mug, { required_quantity: 2 }))

  const [second] = await t.link.create(itemLink(variantId, mug, { required_quantity: 5 }))

  expect(second).toMatchObject({ id: first!.id, required_quantity: 5 })
  expect(await t.link.list(itemLink(variantId, mug))).toHaveLength(1)
})

test("an unknown extra column is refused, naming it and the link", async () => {
  const { variantId, mug } = await bundle()

  const error = await rejection(t.link.create(itemLink(variantId, mug, { quantity: 2 })))

  expect(error.type).toBe("invalid_data")
  expect(error.message).toBe("Link product_variant<->inventory_item has no column 'quantity'")
  expect(await t.link.list(itemLink(variantId, mug))).toEqual([])
})

test.each([
  ["two", "'required_quantity' must be a whole number"],
  [1.5, "'required_quantity' must be a whole number"],
  [null, "'required_quantity' must not be null"],
])("a required_quantity of %j is refused as invalid data, and nothing is linked", async (value, message) => {
  const { variantId, mug } = await bundle()

  const error = await rejection(t.link.create(itemLink(variantId, mug, { required_quantity: value })))

  expect(error.type).toBe("invalid_data")
  expect(error.message).toContain(message)
  expect(await t.link.list(itemLink(variantId, mug))).toEqual([])
})
