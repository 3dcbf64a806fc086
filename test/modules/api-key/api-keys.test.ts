import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { ApiKeyModuleService } from "../../../src/modules/api-key/index.ts"
import { rejection } from "../../framework/modules/blog-app.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let keys: ApiKeyModuleService
beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/api-key" }] })
  keys = t.app.container.resolve<ApiKeyModuleService>("api_key")
})
afterAll(() => t.close())
beforeEach(() => t.app.database.execute("delete from api_key"))

const storedRow = async (id: string) =>
  (await t.app.database.execute<{ token: string; salt: string }>("select token, salt from api_key where id = ?", [id]))[0]

describe("creating keys", () => {
  test("a publishable key gets a pk_ token of 64 hex characters, stored as is", async () => {
    const key = await keys.createApiKeys({ title: "Storefront", type: "publishable", created_by: "user_1" })

    expect(key).toMatchObject({
      id: expect.stringMatching(/^apk_[0-9A-HJKMNP-TV-Z]{26}$/),
      title: "Storefront",
      type: "publishable",
      created_by: "user_1",
      revoked_at: null,
      revoked_by: null,
      last_used_at: null,
    })
    expect(key.token).toMatch(/^pk_[0-9a-f]{64}$/)
    expect(key.redacted).toBe(`${key.token.slice(0, 6)}***${key.token.slice(-3)}`)
    expect((await keys.retrieveApiKey(key.id)).token).toBe(key.token)
  })

  test("a secret key's token is returned once and stored only as a salted hash", async () => {
    const key = await keys.createApiKeys({ title: "CI", type: "secret", created_by: "user_1" })

    expect(key.token).toMatch(/^sk_[0-9a-f]{64}$/)
    expect(key.redacted).toBe(`${key.token.slice(0, 6)}***${key.token.slice(-3)}`)
    const row = await storedRow(key.id)
    expect(row?.token).toMatch(/^[0-9a-f]{128}$/)
    expect(row?.salt).toMatch(/^[0-9a-f]{32}$/)
    expect((await keys.retrieveApiKey(key.id)).token).not.toBe(key.token)
    const all = await t.app.database.execute("select * from api_key")
    expect(JSON.stringify(all)).not.toContain(key.token)
  })

  test("several keys at once each get their own token; many active secret keys may exist", async () => {
    const created = await keys.createApiKeys([
      { title: "a", type: "secret", created_by: "u" },
      { title: "b", type: "secret", created_by: "u" },
      { title: "c", type: "publishable", created_by: "u", metadata: { env: "prod" } },
    ])

    expect(new Set(created.map((key) => key.token)).size).toBe(3)
    expect(created[2]?.metadata).toEqual({ env: "prod" })
    for (const key of created.slice(0, 2)) expect((await keys.authenticate(key.token))?.id).toBe(key.id)
  })

  test.each([
    [{ type: "secret", created_by: "u" }, "API key: title is required"],
    [{ title: "x", type: "private", created_by: "u" }, `API key: type must be one of publishable, secret, got "private"`],
    [{ title: "x", created_by: "u" }, "API key: type must be one of publishable, secret, got null"],
    [{ title: "x", type: "secret" }, "API key: created_by is required"],
  ])("invalid input %j fails with invalid_data naming the field", async (input, message) => {
    const error = await rejection(keys.createApiKeys(input as never))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(message)
    expect(await keys.listApiKeys()).toEqual([])
  })
})

describe("authenticating with a secret key", () => {
  test("the plain token finds its key; anything else finds nothing", async () => {
    const key = await keys.createApiKeys({ title: "CI", type: "secret", created_by: "u" })
    const publishable = await keys.createApiKeys({ title: "web", type: "publishable", created_by: "u" })
    const stored = await keys.retrieveApiKey(key.id)

    expect(await keys.authenticate(key.token)).toMatchObject({ id: key.id, type: "secret" })
    expect(await keys.authenticate(`${key.token.slice(0, -1)}${key.token.endsWith("0") ? "1" : "0"}`)).toBeNull()
    expect(await keys.authenticate(stored.token)).toBeNull()
    expect(await keys.authenticate(publishable.token)).toBeNull()
    expect(await keys.authenticate("")).toBeNull()
    expect(await keys.authenticate(undefined)).toBeNull()
  })

  test("a revoked key no longer authenticates; one revoked for later still does", async () => {
    const now = await keys.createApiKeys({ title: "now", type: "secret", created_by: "u" })
    const later = await keys.createApiKeys({ title: "later", type: "secret", created_by: "u" })

    await keys.revoke(now.id, { revoked_by: "user_2" })
    await keys.revoke(later.id, { revoked_by: "user_2", revoke_in: 3600 })

    expect(await keys.authenticate(now.token)).toBeNull()
    expect(await keys.authenticate(later.token)).toMatchObject({ id: later.id })
  })
})

describe("publishable keys", () => {
  test("validatePublishableKey returns the active key, and null for anything else", async () => {
    const key = await keys.createApiKeys({ title: "web", type: "publishable", created_by: "u" })
    const secret = await keys.createApiKeys({ title: "ci", type: "secret", created_by: "u" })

    expect(await keys.validatePublishableKey(key.token)).toMatchObject({ id: key.id, title: "web" })
    expect(await keys.validatePublishableKey(`pk_${"0".repeat(64)}`)).toBeNull()
    expect(await keys.validatePublishableKey(secret.token)).toBeNull()
    expect(await keys.validatePublishableKey(null)).toBeNull()

    await keys.revoke(key.id, { revoked_by: "u" })
    expect(await keys.validatePublishableKey(key.token)).toBeNull()
  })

  test("a soft-deleted key does not validate", async () => {
    const key = await keys.createApiKeys({ title: "web", type: "publishable", created_by: "u" })
    await keys.softDeleteApiKeys(key.id)
    expect(await keys.validatePublishableKey(key.token)).toBeNull()
  })

  test("retrieveByToken finds a publishable key, revoked or not; an unknown token is not_found", async () => {
    const key = await keys.createApiKeys({ title: "web", type: "publishable", created_by: "u" })
    await keys.revoke(key.id, { revoked_by: "u" })

    expect(await keys.retrieveByToken(key.token)).toMatchObject({ id: key.id, revoked_by: "u" })
    const error = await rejection(keys.retrieveByToken(`pk_${"a".repeat(64)}`))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Publishable API key pk_aaa***aaa was not found")
  })
})

describe("revoking", () => {
  test("revoke records who and when", async () => {
    const key = await keys.createApiKeys({ title: "web", type: "publishable", created_by: "u" })
    const before = Date.now()

    const revoked = await keys.revoke(key.id, { revoked_by: "user_9" })

    expect(revoked.revoked_by).toBe("user_9")
    expect(revoked.revoked_at).toBeInstanceOf(Date)
    expect(revoked.revoked_at!.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(revoked.revoked_at!.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
  })

  test("revoking twice is invalid_data naming the key, and keeps the first revocation", async () => {
    const key = await keys.createApiKeys({ title: "web", type: "publishable", created_by: "u" })
    await keys.revoke(key.id, { revoked_by: "first" })

    const error = await rejection(keys.revoke(key.id, { revoked_by: "second" }))

    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe(`API key: API key ${key.id} is already revoked`)
    expect((await keys.retrieveApiKey(key.id)).revoked_by).toBe("first")
  })

  test("a batch with one revoked key revokes none of them", async () => {
    const [a, b] = await keys.createApiKeys([
      { title: "a", type: "publishable", created_by: "u" },
      { title: "b", type: "publishable", created_by: "u" },
    ])
    await keys.revoke(b!.id, { revoked_by: "u" })

    await rejection(keys.revoke([a!.id, b!.id], { revoked_by: "u" }))
    expect((await keys.retrieveApiKey(a!.id)).revoked_at).toBeNull()
    expect((await keys.revoke([a!.id], { revoked_by: "u" })).map((key) => key.id)).toEqual([a!.id])
  })

  test("revoking a missing key is not_found; revoked_by is required", async () => {
    const missing = await rejection(keys.revoke("apk_missing", { revoked_by: "u" }))
    expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(missing.message).toBe("API key with id: apk_missing was not found")

    const key = await keys.createApiKeys({ title: "web", type: "publishable", created_by: "u" })
    const noActor = await rejection(keys.revoke(key.id, {} as never))
    expect(noActor.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(noActor.message).toBe("API key: revoked_by is required")
  })
})

test("generated reads and updates: search by title, count, rename", async () => {
  await keys.createApiKeys([
    { title: "Storefront EU", type: "publishable", created_by: "u" },
    { title: "Storefront US", type: "publishable", created_by: "u" },
    { title: "Deploy", type: "secret", created_by: "u" },
  ])

  const [storefronts, count] = await keys.listAndCountApiKeys({ q: "storefront" }, { order: { title: "ASC" } })
  expect(count).toBe(2)
  expect(storefronts.map((key) => key.title)).toEqual(["Storefront EU", "Storefront US"])
  expect((await keys.listApiKeys({ type: "secret" })).map((key) => key.title)).toEqual(["Deploy"])
  const renamed = await keys.updateApiKeys({ id: storefronts[0]!.id, title: "Storefront Europe" })
  expect(renamed.title).toBe("Storefront Europe")
})
