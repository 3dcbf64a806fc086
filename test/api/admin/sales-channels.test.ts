import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const channelCount = async () => Number((await t.rows<{ n: string }>(`select count(*)::text as n from "sales_channel" where deleted_at is null`))[0]?.n)

describe("/admin/sales-channels", () => {
  test("lists the channels with Medusa's default fields; filters by name, by location and by key", async () => {
    const res = await t.admin.get("/admin/sales-channels")
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ count: 1, offset: 0, limit: 20 })
    expect(body.sales_channels[0]).toEqual({
      id: t.store.salesChannelId,
      name: "Default Sales Channel",
      description: null,
      is_disabled: false,
      metadata: null,
      created_at: expect.any(String),
      updated_at: expect.any(String),
      deleted_at: null,
    })
    await t.admin.post("/admin/sales-channels", { name: "Unlinked" })
    const byLocation = (await t.admin.get(`/admin/sales-channels?location_id=${t.store.stockLocationId}`)).json()
    expect(byLocation.sales_channels.map((c: { id: string }) => c.id)).toEqual([t.store.salesChannelId])
    const byKey = (await t.admin.get(`/admin/sales-channels?publishable_key_id=${t.store.publishableKey.id}`)).json()
    expect(byKey.sales_channels.map((c: { id: string }) => c.id)).toEqual([t.store.salesChannelId])
    expect((await t.admin.get("/admin/sales-channels?name=Unlinked")).json().count).toBe(1)
    expect((await t.admin.get("/admin/sales-channels?is_disabled=true")).json().count).toBe(0)
  })

  test("creates, retrieves, updates and deletes a channel", async () => {
    const created = await t.admin.post("/admin/sales-channels", { name: "Web", description: "The web shop" })
    expect(created.statusCode).toBe(200)
    const { sales_channel } = created.json()
    expect(sales_channel).toMatchObject({ name: "Web", description: "The web shop", is_disabled: false })
    expect(sales_channel.id).toMatch(/^sc_/)

    expect((await t.admin.get(`/admin/sales-channels/${sales_channel.id}?fields=name`)).json()).toEqual({ sales_channel: { id: sales_channel.id, name: "Web" } })
    const updated = await t.admin.post(`/admin/sales-channels/${sales_channel.id}`, { is_disabled: true, description: null })
    expect(updated.json().sales_channel).toMatchObject({ name: "Web", is_disabled: true, description: null })

    const deleted = await t.admin.delete(`/admin/sales-channels/${sales_channel.id}`)
    expect(deleted.json()).toEqual({ id: sales_channel.id, object: "sales-channel", deleted: true })
    expect((await t.admin.get(`/admin/sales-channels/${sales_channel.id}`)).statusCode).toBe(404)
  })

  test("the store's default channel cannot be deleted", async () => {
    const res = await t.admin.delete(`/admin/sales-channels/${t.store.salesChannelId}`)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "not_allowed", message: `Cannot delete default sales channels: ${t.store.salesChannelId}` })
    expect((await t.admin.get(`/admin/sales-channels/${t.store.salesChannelId}`)).statusCode).toBe(200)
  })

  test("invalid bodies are 400 naming the field and change nothing", async () => {
    const before = await channelCount()
    for (const [body, field] of [[{}, "name"], [{ name: "" }, "name"], [{ name: "X", is_disabled: "no" }, "is_disabled"], [{ name: "X", code: 1 }, "code"]] as const) {
      const res = await t.admin.post("/admin/sales-channels", body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().message).toContain(field)
    }
    const update = await t.admin.post(`/admin/sales-channels/${t.store.salesChannelId}`, { name: 7 })
    expect(update.statusCode).toBe(400)
    expect(await channelCount()).toBe(before)
    expect((await t.admin.get(`/admin/sales-channels/${t.store.salesChannelId}`)).json().sales_channel.name).toBe("Default Sales Channel")
  })

  test("unknown ids are 404 and no token is 401", async () => {
    for (const res of [
      await t.admin.get("/admin/sales-channels/sc_missing"),
      await t.admin.post("/admin/sales-channels/sc_missing", { name: "X" }),
      await t.admin.delete("/admin/sales-channels/sc_missing"),
    ]) {
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({ type: "not_found", message: "Sales channel with id: sc_missing was not found" })
    }
    expect((await t.anonymous.get("/admin/sales-channels")).statusCode).toBe(401)
    expect((await t.anonymous.post("/admin/sales-channels", { name: "X" })).statusCode).toBe(401)
  })
})
