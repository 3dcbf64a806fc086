import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const keyCount = async () => Number((await t.rows<{ n: string }>(`select count(*)::text as n from "api_key" where deleted_at is null`))[0]?.n)
const linkCount = async () =>
  Number((await t.rows<{ n: string }>(`select count(*)::text as n from "publishable_api_key_sales_channel" where deleted_at is null`))[0]?.n)
const create = async (body: { title: string; type: "publishable" | "secret" }) => (await t.admin.post("/admin/api-keys", body)).json().api_key

describe("GET /admin/api-keys", () => {
  test("lists keys with Medusa's default fields, their sales channels included", async () => {
    const res = await t.admin.get("/admin/api-keys")
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ count: 1, offset: 0, limit: 20 })
    const key = res.json().api_keys[0]
    expect(Object.keys(key).sort()).toEqual(
      ["created_at", "created_by", "id", "last_used_at", "redacted", "revoked_at", "revoked_by", "sales_channels", "title", "token", "type", "updated_at"].sort(),
    )
    expect(key).toMatchObject({
      id: t.store.publishableKey.id,
      token: t.store.publishableKey.token,
      type: "publishable",
      sales_channels: [{ id: t.store.salesChannelId, name: "Default Sales Channel" }],
    })
  })

  test("filters by type and searches titles", async () => {
    await create({ title: "Backend secret", type: "secret" })
    expect((await t.admin.get("/admin/api-keys?type=secret")).json().api_keys.map((k: { title: string }) => k.title)).toEqual(["Backend secret"])
    expect((await t.admin.get("/admin/api-keys?q=backend")).json().count).toBe(1)
  })
})

describe("POST /admin/api-keys", () => {
  test("a publishable key's token is readable; a secret key's token only in the create response", async () => {
    const me = (await t.admin.get("/admin/users/me")).json().user
    const publishable = await create({ title: "Mobile app", type: "publishable" })
    expect(publishable).toMatchObject({ title: "Mobile app", type: "publishable", created_by: me.id, revoked_at: null, sales_channels: [] })
    expect(publishable.token).toMatch(/^pk_[0-9a-f]{64}$/)
    expect(publishable.redacted).toBe(`${publishable.token.slice(0, 6)}***${publishable.token.slice(-3)}`)
    expect((await t.admin.get(`/admin/api-keys/${publishable.id}`)).json().api_key.token).toBe(publishable.token)

    const secret = await create({ title: "ERP sync", type: "secret" })
    expect(secret.token).toMatch(/^sk_[0-9a-f]{64}$/)
    const again = (await t.admin.get(`/admin/api-keys/${secret.id}`)).json().api_key
    expect(again.token).toBe(secret.redacted)
    const listed = (await t.admin.get(`/admin/api-keys?id=${secret.id}`)).json().api_keys[0]
    expect(listed.token).toBe(secret.redacted)
    expect(JSON.stringify(listed)).not.toContain(secret.token)
    expect(listed).not.toHaveProperty("salt")

    // The token given once is the key's real token.
    expect((await t.apiKeys.authenticate(secret.token))?.id).toBe(secret.id)
  })

  test("a secret key signs admin requests as Basic credentials until it is revoked", async () => {
    const secret = await create({ title: "Warehouse sync", type: "secret" })
    const basic = (token: string) => ({ headers: { authorization: `Basic ${Buffer.from(`${token}:`).toString("base64")}` } })

    const listed = await t.anonymous.get("/admin/regions", basic(secret.token))
    expect(listed.statusCode).toBe(200)
    expect(listed.json().count).toBe(2)

    const forged = await t.anonymous.get("/admin/regions", basic(`sk_${"0".repeat(64)}`))
    expect(forged.statusCode).toBe(401)
    expect(forged.json()).toEqual({ message: "Unauthorized" })
    // A publishable key is not a credential for the admin.
    expect((await t.anonymous.get("/admin/regions", basic(t.store.publishableKey.token))).statusCode).toBe(401)

    expect((await t.admin.post(`/admin/api-keys/${secret.id}/revoke`, {})).statusCode).toBe(200)
    expect((await t.anonymous.get("/admin/regions", basic(secret.token))).statusCode).toBe(401)
  })

  test.each([
    ["no title", { type: "secret" }, "title"],
    ["an unknown type", { title: "X", type: "private" }, "type"],
    ["an unknown field", { title: "X", type: "secret", scopes: [] }, "scopes"],
  ])("%s is 400 naming the field, and no key is created", async (_case, body, field) => {
    const before = await keyCount()
    const res = await t.admin.post("/admin/api-keys", body)
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain(field)
    expect(await keyCount()).toBe(before)
  })
})

describe("/admin/api-keys/:id", () => {
  test("renames, revokes and then deletes a key; an active key cannot be deleted", async () => {
    const me = (await t.admin.get("/admin/users/me")).json().user
    const key = await create({ title: "Temp", type: "publishable" })

    const renamed = await t.admin.post(`/admin/api-keys/${key.id}`, { title: "Temporary" })
    expect(renamed.json().api_key).toMatchObject({ id: key.id, title: "Temporary" })

    const refused = await t.admin.delete(`/admin/api-keys/${key.id}`)
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toEqual({ type: "not_allowed", message: `Cannot delete api keys that are not revoked - ${key.id}` })

    const revoked = await t.admin.post(`/admin/api-keys/${key.id}/revoke`, {})
    expect(revoked.statusCode).toBe(200)
    expect(revoked.json().api_key).toMatchObject({ id: key.id, revoked_by: me.id })
    expect(revoked.json().api_key.revoked_at).toEqual(expect.any(String))
    expect((await t.anonymous.get("/store/regions", { headers: { "x-publishable-api-key": key.token } })).statusCode).toBe(400)
    expect((await t.admin.post(`/admin/api-keys/${key.id}/revoke`, {})).statusCode).toBe(400)

    const deleted = await t.admin.delete(`/admin/api-keys/${key.id}`)
    expect(deleted.json()).toEqual({ id: key.id, object: "api_key", deleted: true })
    expect((await t.admin.get(`/admin/api-keys/${key.id}`)).statusCode).toBe(404)
  })

  test("invalid updates are 400 and change nothing; unknown keys are 404", async () => {
    const key = await create({ title: "Kept", type: "publishable" })
    for (const body of [{ title: "" }, { type: "secret" }, { title: 5 }]) {
      expect((await t.admin.post(`/admin/api-keys/${key.id}`, body)).statusCode, JSON.stringify(body)).toBe(400)
    }
    expect((await t.admin.post(`/admin/api-keys/${key.id}/revoke`, { revoke_in: -1 })).statusCode).toBe(400)
    expect((await t.admin.get(`/admin/api-keys/${key.id}`)).json().api_key).toMatchObject({ title: "Kept", revoked_at: null })

    for (const res of [
      await t.admin.get("/admin/api-keys/apk_missing"),
      await t.admin.post("/admin/api-keys/apk_missing", { title: "X" }),
      await t.admin.post("/admin/api-keys/apk_missing/revoke", {}),
      await t.admin.post("/admin/api-keys/apk_missing/sales-channels", { add: [] }),
      await t.admin.delete("/admin/api-keys/apk_missing"),
    ]) {
      expect(res.statusCode).toBe(404)
      expect(res.json()).toEqual({ type: "not_found", message: "API key with id: apk_missing was not found" })
    }
    expect((await t.anonymous.get("/admin/api-keys")).statusCode).toBe(401)
  })
})

describe("POST /admin/api-keys/:id/sales-channels", () => {
  test("links channels to a publishable key, which then opens the store on them", async () => {
    const key = await create({ title: "Storefront 2", type: "publishable" })
    const noChannel = await t.anonymous.get("/store/products", { headers: { "x-publishable-api-key": key.token } })
    expect(noChannel.statusCode).toBe(400)

    const res = await t.admin.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [t.store.salesChannelId] })
    expect(res.statusCode).toBe(200)
    expect(res.json().api_key.sales_channels).toEqual([{ id: t.store.salesChannelId, name: "Default Sales Channel" }])
    const products = await t.anonymous.get("/store/products", { headers: { "x-publishable-api-key": key.token } })
    expect(products.statusCode).toBe(200)

    const removed = await t.admin.post(`/admin/api-keys/${key.id}/sales-channels`, { remove: [t.store.salesChannelId] })
    expect(removed.json().api_key.sales_channels).toEqual([])
  })

  test("a secret key, an unknown channel or a bad body is 400 and links nothing", async () => {
    const secret = await create({ title: "Server", type: "secret" })
    const key = await create({ title: "Storefront 3", type: "publishable" })
    const before = await linkCount()

    const onSecret = await t.admin.post(`/admin/api-keys/${secret.id}/sales-channels`, { add: [t.store.salesChannelId] })
    expect(onSecret.statusCode).toBe(400)
    expect(onSecret.json()).toEqual({ type: "invalid_data", message: "Sales channels can only be associated with publishable API keys" })
    const unknown = await t.admin.post(`/admin/api-keys/${key.id}/sales-channels`, { add: [t.store.salesChannelId, "sc_phony"] })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toBe("Sales channels with IDs sc_phony do not exist")
    const badBody = await t.admin.post(`/admin/api-keys/${key.id}/sales-channels`, { add: "sc_1" })
    expect(badBody.statusCode).toBe(400)
    expect(badBody.json().message).toContain("add")
    expect(await linkCount()).toBe(before)
  })
})
