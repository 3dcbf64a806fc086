import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp

beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

let sequence = 0

/** A new item stocked `stocked` units at the store's location. */
async function stockedItem(stocked = 10): Promise<string> {
  const res = await t.admin.post("/admin/inventory-items", {
    sku: `RES-${++sequence}`,
    location_levels: [{ location_id: t.store.stockLocationId, stocked_quantity: stocked }],
  })
  expect(res.statusCode, res.body).toBe(200)
  return res.json().inventory_item.id
}

async function levelOf(itemId: string): Promise<{ stocked_quantity: number; reserved_quantity: number; available_quantity: number }> {
  const res = await t.admin.get(`/admin/inventory-items/${itemId}/location-levels?location_id=${t.store.stockLocationId}`)
  return res.json().inventory_levels[0]
}

async function reservationRows(): Promise<string[]> {
  const rows = await t.rows<{ row: string }>("select (to_jsonb(r) - 'updated_at')::text as row from reservation_item r order by id")
  const levels = await t.rows<{ row: string }>("select (to_jsonb(l) - 'updated_at')::text as row from inventory_level l order by id")
  return [...rows, ...levels].map((row) => row.row)
}

async function refused(send: () => Promise<{ statusCode: number; json(): unknown }>, status = 400): Promise<{ type: string; message: string }> {
  const before = await reservationRows()
  const res = await send()
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status)
  expect(await reservationRows()).toEqual(before)
  return res.json() as { type: string; message: string }
}

describe("POST /admin/reservations", () => {
  test("holds units: the level's available quantity drops by the reservation", async () => {
    const item = await stockedItem(10)

    const res = await t.admin.post("/admin/reservations", {
      inventory_item_id: item,
      location_id: t.store.stockLocationId,
      quantity: 3,
      description: "Held for a phone order",
      metadata: { ticket: "T-1" },
    })

    expect(res.statusCode, res.body).toBe(200)
    const reservation = res.json().reservation
    expect(reservation).toMatchObject({
      inventory_item_id: item,
      location_id: t.store.stockLocationId,
      quantity: 3,
      line_item_id: null,
      description: "Held for a phone order",
      metadata: { ticket: "T-1" },
      created_by: expect.stringMatching(/^user_/),
      inventory_item: { id: item, sku: `RES-${sequence}`, reserved_quantity: 3, stocked_quantity: 10 },
    })
    expect(reservation.id).toMatch(/^resitem_/)
    expect(await levelOf(item)).toMatchObject({ stocked_quantity: 10, reserved_quantity: 3, available_quantity: 7 })

    const item2 = await t.admin.get(`/admin/inventory-items/${item}`)
    expect(item2.json().inventory_item).toMatchObject({ reserved_quantity: 3, stocked_quantity: 10 })
  })

  test("refuses more than is available, an unknown item or location, and a bad body, holding nothing", async () => {
    const item = await stockedItem(2)
    const location = t.store.stockLocationId

    const tooMany = await refused(() => t.admin.post("/admin/reservations", { inventory_item_id: item, location_id: location, quantity: 3 }))
    expect(tooMany).toMatchObject({ type: "not_allowed", code: "insufficient_inventory" })
    const elsewhere = await refused(() => t.admin.post("/admin/reservations", { inventory_item_id: item, location_id: "sloc_moon", quantity: 1 }))
    expect(elsewhere.message).toBe(`Item ${item} (sku RES-${sequence}) is not stocked at location sloc_moon`)
    await refused(() => t.admin.post("/admin/reservations", { inventory_item_id: "iitem_missing", location_id: location, quantity: 1 }), 404)

    const noQuantity = await refused(() => t.admin.post("/admin/reservations", { inventory_item_id: item, location_id: location }))
    expect(noQuantity.message).toBe("Invalid request: Field 'quantity' is required")
    const zero = await refused(() => t.admin.post("/admin/reservations", { inventory_item_id: item, location_id: location, quantity: 0 }))
    expect(zero.message).toContain("'quantity'")
    const unknown = await refused(() => t.admin.post("/admin/reservations", { inventory_item_id: item, location_id: location, quantity: 1, hold: true }))
    expect(unknown.message).toBe("Invalid request: Unrecognized fields: 'hold'")
    expect(await levelOf(item)).toMatchObject({ reserved_quantity: 0, available_quantity: 2 })
  })
})

describe("GET /admin/reservations", () => {
  test("lists reservations with their item, filtered and paged", async () => {
    const item = await stockedItem(10)
    const other = await stockedItem(10)
    for (const [inventory_item_id, quantity] of [
      [item, 1],
      [item, 4],
      [other, 2],
    ] as const) {
      expect((await t.admin.post("/admin/reservations", { inventory_item_id, location_id: t.store.stockLocationId, quantity })).statusCode).toBe(200)
    }

    const ofItem = (await t.admin.get(`/admin/reservations?inventory_item_id=${item}&order=quantity`)).json()
    expect(ofItem).toMatchObject({ count: 2, offset: 0, limit: 20 })
    expect(ofItem.reservations.map((reservation: { quantity: number }) => reservation.quantity)).toEqual([1, 4])
    expect(ofItem.reservations[0].inventory_item).toMatchObject({ id: item, reserved_quantity: 5 })

    const large = (await t.admin.get(`/admin/reservations?inventory_item_id[0]=${item}&inventory_item_id[1]=${other}&quantity[$gte]=2&fields=quantity`)).json()
    expect(large.reservations.map((reservation: { quantity: number }) => reservation.quantity).sort()).toEqual([2, 4])
    expect(Object.keys(large.reservations[0]).sort()).toEqual(["id", "quantity"])

    const page = (await t.admin.get(`/admin/reservations?location_id=${t.store.stockLocationId}&limit=1&offset=1`)).json()
    expect(page).toMatchObject({ limit: 1, offset: 1 })
    expect(page.reservations).toHaveLength(1)
  })
})

describe("/admin/reservations/:id", () => {
  test("retrieves, changes (the units move) and deletes (the units come back)", async () => {
    const item = await stockedItem(10)
    const created = (await t.admin.post("/admin/reservations", { inventory_item_id: item, location_id: t.store.stockLocationId, quantity: 2 })).json().reservation

    const read = await t.admin.get(`/admin/reservations/${created.id}`)
    expect(read.statusCode).toBe(200)
    expect(read.json().reservation).toEqual(created)

    const changed = await t.admin.post(`/admin/reservations/${created.id}`, { quantity: 6, description: "More" })
    expect(changed.statusCode, changed.body).toBe(200)
    expect(changed.json().reservation).toMatchObject({ id: created.id, quantity: 6, description: "More" })
    expect(await levelOf(item)).toMatchObject({ reserved_quantity: 6, available_quantity: 4 })

    const tooMany = await refused(() => t.admin.post(`/admin/reservations/${created.id}`, { quantity: 11 }))
    expect(tooMany.type).toBe("not_allowed")

    const deleted = await t.admin.delete(`/admin/reservations/${created.id}`)
    expect(deleted.statusCode).toBe(200)
    expect(deleted.json()).toEqual({ id: created.id, object: "reservation", deleted: true })
    expect(await levelOf(item)).toMatchObject({ reserved_quantity: 0, available_quantity: 10 })
    expect((await t.admin.get(`/admin/reservations/${created.id}`)).statusCode).toBe(404)
  })

  test("an unknown reservation is not found", async () => {
    const res = await t.admin.get("/admin/reservations/resitem_missing")
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: "Reservation with id: resitem_missing was not found" })
    expect((await t.admin.post("/admin/reservations/resitem_missing", { quantity: 1 })).statusCode).toBe(404)
    expect((await t.admin.delete("/admin/reservations/resitem_missing")).statusCode).toBe(404)
  })

  test("reservations need an admin token", async () => {
    expect((await t.anonymous.get("/admin/reservations")).statusCode).toBe(401)
    const res = await t.anonymous.post("/admin/reservations", { inventory_item_id: "iitem_1", location_id: "sloc_1", quantity: 1 })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ message: "Unauthorized" })
  })
})
