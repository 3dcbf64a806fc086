import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
let second: string

beforeAll(async () => {
  t = await startHttpApp()
  second = (await t.locations.createStockLocations({ name: "Second warehouse" })).id
})
afterAll(() => t?.close())

type Level = { id: string; location_id: string; stocked_quantity: number; reserved_quantity: number; incoming_quantity: number; available_quantity: number }

/** Every inventory row, deleted ones included, without change times: equal means nothing was written. */
async function inventoryState(): Promise<string[]> {
  const rows = await t.rows<{ row: string }>(
    `select (to_jsonb(t) - 'updated_at')::text as row from (
       select 'item' as kind, id, sku, deleted_at, null::int as stocked, null::int as reserved, null::int as incoming from inventory_item
       union all select 'level', id, location_id, deleted_at, stocked_quantity, reserved_quantity, incoming_quantity from inventory_level
       union all select 'reservation', id, location_id, deleted_at, quantity, null, null from reservation_item
     ) t order by 1`,
  )
  return rows.map((row) => row.row)
}

async function refused(send: () => Promise<{ statusCode: number; json(): unknown }>, status = 400): Promise<{ type: string; message: string }> {
  const before = await inventoryState()
  const res = await send()
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status)
  expect(await inventoryState()).toEqual(before)
  return res.json() as { type: string; message: string }
}

let sequence = 0

async function createItem(body: Record<string, unknown> = {}): Promise<{ id: string; sku: string; location_levels: Level[] }> {
  const res = await t.admin.post("/admin/inventory-items", { sku: `ITEM-${++sequence}`, title: `Item ${sequence}`, ...body })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().inventory_item
}

const levelAt = (levels: Level[], locationId: string) => levels.find((level) => level.location_id === locationId)

describe("GET /admin/inventory-items", () => {
  test("lists items with their quantities and levels, available computed per level", async () => {
    const res = await t.admin.get(`/admin/inventory-items?sku=${t.store.product.variants.small.sku}`)

    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ count: 1, offset: 0, limit: 20 })
    const [item] = res.json().inventory_items
    expect(item).toMatchObject({
      id: t.store.product.variants.small.inventoryItemId,
      sku: t.store.product.variants.small.sku,
      requires_shipping: true,
      stocked_quantity: 10,
      reserved_quantity: 0,
      location_levels: [{ location_id: t.store.stockLocationId, stocked_quantity: 10, reserved_quantity: 0, incoming_quantity: 0, available_quantity: 10 }],
    })
  })

  test("filters by location, text, shipping and measures; fields narrow the answer", async () => {
    const there = await createItem({ title: "Anchor chain", weight: 40, requires_shipping: false, location_levels: [{ location_id: second, stocked_quantity: 2 }] })

    const atSecond = (await t.admin.get(`/admin/inventory-items?location_levels[location_id]=${second}&fields=sku`)).json()
    expect(atSecond.inventory_items).toEqual([{ id: there.id, sku: there.sku }])

    const searched = (await t.admin.get("/admin/inventory-items?q=anchor&fields=id")).json()
    expect(searched.inventory_items).toEqual([{ id: there.id }])

    const heavy = (await t.admin.get("/admin/inventory-items?weight[$gte]=30&requires_shipping=false&fields=id")).json()
    expect(heavy.inventory_items).toEqual([{ id: there.id }])

    const summed = (await t.admin.get(`/admin/inventory-items?id=${there.id}&fields=stocked_quantity`)).json()
    expect(summed.inventory_items).toEqual([{ id: there.id, stocked_quantity: 2 }])

    const unknown = await t.admin.get("/admin/inventory-items?colour=red")
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("colour")
  })
})

describe("POST /admin/inventory-items", () => {
  test("creates an item with its stock per location; it is retrieved the same", async () => {
    const item = await createItem({ hs_code: "6109", location_levels: [{ location_id: t.store.stockLocationId, stocked_quantity: 7, incoming_quantity: 3 }] })

    expect(item).toMatchObject({ hs_code: "6109", stocked_quantity: 7, reserved_quantity: 0 })
    expect(item.location_levels).toEqual([
      expect.objectContaining({ location_id: t.store.stockLocationId, stocked_quantity: 7, incoming_quantity: 3, available_quantity: 7 }),
    ])
    const read = await t.admin.get(`/admin/inventory-items/${item.id}`)
    expect(read.json().inventory_item).toEqual(item)
  })

  test("refuses a bad body, a taken sku and an unknown location, writing nothing", async () => {
    const taken = await createItem()

    const strict = await refused(() => t.admin.post("/admin/inventory-items", { sku: "NEW-1", colour: "red" }))
    expect(strict.message).toBe("Invalid request: Unrecognized fields: 'colour'")
    const negative = await refused(() => t.admin.post("/admin/inventory-items", { sku: "NEW-2", location_levels: [{ location_id: second, stocked_quantity: -1 }] }))
    expect(negative.message).toContain("'location_levels.0.stocked_quantity'")
    const duplicate = await refused(() => t.admin.post("/admin/inventory-items", { sku: taken.sku }), 422)
    expect(duplicate.type).toBe("duplicate_error")
    const nowhere = await refused(() => t.admin.post("/admin/inventory-items", { sku: "NEW-3", location_levels: [{ location_id: "sloc_moon" }] }), 404)
    expect(nowhere.message).toBe("Stock location sloc_moon (location_id) was not found")
  })

  test("an unknown item is not found", async () => {
    const res = await t.admin.get("/admin/inventory-items/iitem_missing")
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: "Inventory item with id: iitem_missing was not found" })
  })
})

describe("location levels", () => {
  test("are created, listed, updated by location and deleted", async () => {
    const item = await createItem()

    const created = await t.admin.post(`/admin/inventory-items/${item.id}/location-levels`, { location_id: second, stocked_quantity: 5 })
    expect(created.statusCode, created.body).toBe(200)
    expect(created.json().inventory_item).toMatchObject({ id: item.id, stocked_quantity: 5 })
    expect(levelAt(created.json().inventory_item.location_levels, second)).toMatchObject({ stocked_quantity: 5, available_quantity: 5 })

    const list = await t.admin.get(`/admin/inventory-items/${item.id}/location-levels`)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ count: 1, offset: 0, limit: 50 })
    expect(list.json().inventory_levels).toEqual([
      expect.objectContaining({ inventory_item_id: item.id, location_id: second, stocked_quantity: 5, reserved_quantity: 0, available_quantity: 5 }),
    ])

    const updated = await t.admin.post(`/admin/inventory-items/${item.id}/location-levels/${second}`, { stocked_quantity: 9, incoming_quantity: 0 })
    expect(updated.statusCode, updated.body).toBe(200)
    expect(levelAt(updated.json().inventory_item.location_levels, second)).toMatchObject({ stocked_quantity: 9, available_quantity: 9 })

    const deleted = await t.admin.delete(`/admin/inventory-items/${item.id}/location-levels/${second}`)
    expect(deleted.statusCode, deleted.body).toBe(200)
    expect(deleted.json()).toMatchObject({ id: list.json().inventory_levels[0].id, object: "inventory-level", deleted: true, parent: { id: item.id, location_levels: [] } })
    expect((await t.admin.get(`/admin/inventory-items/${item.id}/location-levels`)).json().count).toBe(0)
  })

  test("creating refuses a bad body, an existing level, an unknown location or item", async () => {
    const item = await createItem({ location_levels: [{ location_id: second }] })

    const strict = await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels`, { location_id: second, reserved_quantity: 2 }))
    expect(strict.message).toBe("Invalid request: Unrecognized fields: 'reserved_quantity'")
    const noLocation = await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels`, { stocked_quantity: 2 }))
    expect(noLocation.message).toBe("Invalid request: Field 'location_id' is required")
    const fraction = await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels`, { location_id: t.store.stockLocationId, stocked_quantity: 1.5 }))
    expect(fraction.message).toContain("'stocked_quantity'")
    expect((await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels`, { location_id: second }), 422)).type).toBe("duplicate_error")
    await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels`, { location_id: "sloc_moon" }), 404)
    await refused(() => t.admin.post("/admin/inventory-items/iitem_missing/location-levels", { location_id: second }), 404)
  })

  test("updating or deleting a level the item does not have is not found", async () => {
    const item = await createItem()

    const update = await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels/${second}`, { stocked_quantity: 1 }), 404)
    expect(update.message).toBe(`Item ${item.id} is not stocked at location ${second}`)
    await refused(() => t.admin.delete(`/admin/inventory-items/${item.id}/location-levels/${second}`), 404)
    const negative = await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels/${second}`, { stocked_quantity: -2 }))
    expect(negative.message).toContain("'stocked_quantity'")
  })

  test("a level with reserved units cannot be deleted", async () => {
    const item = await createItem({ location_levels: [{ location_id: second, stocked_quantity: 4 }] })
    const reserved = await t.admin.post("/admin/reservations", { inventory_item_id: item.id, location_id: second, quantity: 1 })
    expect(reserved.statusCode).toBe(200)

    const error = await refused(() => t.admin.delete(`/admin/inventory-items/${item.id}/location-levels/${second}`))
    expect(error.type).toBe("not_allowed")
  })

  test("a batch creates, updates and deletes levels together and answers with them", async () => {
    const item = await createItem({ location_levels: [{ location_id: t.store.stockLocationId, stocked_quantity: 1 }] })
    const third = (await t.locations.createStockLocations({ name: `Third ${sequence}` })).id
    const toDelete = (await t.admin.post(`/admin/inventory-items/${item.id}/location-levels`, { location_id: third })).json().inventory_item
    const deletedLevel = levelAt(toDelete.location_levels, third)!

    const res = await t.admin.post(`/admin/inventory-items/${item.id}/location-levels/batch`, {
      create: [{ location_id: second, stocked_quantity: 6 }],
      update: [{ location_id: t.store.stockLocationId, stocked_quantity: 2 }],
      delete: [deletedLevel.id],
    })

    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({
      created: [expect.objectContaining({ inventory_item_id: item.id, location_id: second, stocked_quantity: 6, available_quantity: 6 })],
      updated: [expect.objectContaining({ inventory_item_id: item.id, location_id: t.store.stockLocationId, stocked_quantity: 2 })],
      deleted: [deletedLevel.id],
    })
    const levels = (await t.admin.get(`/admin/inventory-items/${item.id}/location-levels?order=stocked_quantity`)).json().inventory_levels
    expect(levels.map((level: Level) => [level.location_id, level.stocked_quantity])).toEqual([
      [t.store.stockLocationId, 2],
      [second, 6],
    ])
  })

  test("a batch that fails anywhere changes nothing", async () => {
    const item = await createItem({ location_levels: [{ location_id: t.store.stockLocationId, stocked_quantity: 3 }] })
    const level = levelAt(item.location_levels, t.store.stockLocationId)!

    const stocked = await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels/batch`, { create: [{ location_id: second }], delete: [level.id] }))
    expect(stocked.type).toBe("not_allowed")
    const unknown = await refused(
      () =>
        t.admin.post(`/admin/inventory-items/${item.id}/location-levels/batch`, {
          update: [{ location_id: t.store.stockLocationId, stocked_quantity: 8 }],
          create: [{ location_id: "sloc_moon" }],
        }),
      404,
    )
    expect(unknown.message).toBe("Stock location sloc_moon (location_id) was not found")
    const strict = await refused(() => t.admin.post(`/admin/inventory-items/${item.id}/location-levels/batch`, { remove: [level.id] }))
    expect(strict.message).toContain("'remove'")

    const forced = await t.admin.post(`/admin/inventory-items/${item.id}/location-levels/batch`, { delete: [level.id], force: true })
    expect(forced.json()).toEqual({ created: [], updated: [], deleted: [level.id] })
  })
})

describe("the admin guard", () => {
  test("inventory routes need an admin token", async () => {
    const item = t.store.product.variants.small.inventoryItemId
    expect((await t.anonymous.get("/admin/inventory-items")).statusCode).toBe(401)
    expect((await t.anonymous.post("/admin/inventory-items", { sku: "X" })).statusCode).toBe(401)
    expect((await t.anonymous.get(`/admin/inventory-items/${item}/location-levels`)).statusCode).toBe(401)
    const res = await t.anonymous.delete(`/admin/inventory-items/${item}/location-levels/${t.store.stockLocationId}`)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ message: "Unauthorized" })
  })
})
