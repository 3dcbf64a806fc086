import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import {
  ApiKeyEvents,
  createApiKeysWorkflow,
  deleteApiKeysWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  revokeApiKeysWorkflow,
  updateApiKeysWorkflow,
} from "../../../src/workflows/api-key/index.ts"
import { failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { tableState } from "../fulfillment/table-state.ts"

let t: CommerceApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCommerceApp()
  events = await recordEvents(t, Object.values(ApiKeyEvents))
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

const state = () => tableState(t, ["api_key"], ["publishable_api_key_sales_channel"])
const createKey = async (type: "publishable" | "secret" = "publishable", title = "Key") =>
  (await createApiKeysWorkflow(t.container).run({ input: { api_keys: [{ title, type, created_by: "user_1" }] } })).result[0]!

async function channelsOf(keyId: string): Promise<string[]> {
  const { data } = await t.query.graph<{ sales_channel_id: string }>({
    entity: "api_key_sales_channel",
    fields: ["sales_channel_id"],
    filters: { api_key_id: keyId },
  })
  return data.map((row) => row.sales_channel_id).sort()
}

describe("createApiKeysWorkflow", () => {
  test("creates a publishable and a secret key; the secret token is readable only in the result", async () => {
    const { result } = await createApiKeysWorkflow(t.container).run({
      input: { api_keys: [{ title: "Storefront", type: "publishable", created_by: "user_1" }, { title: "Server", type: "secret", created_by: "user_1" }] },
    })

    expect(result[0]!.token).toMatch(/^pk_[0-9a-f]{64}$/)
    expect(result[1]!.token).toMatch(/^sk_[0-9a-f]{64}$/)
    const [stored] = await t.apiKeys.listApiKeys({ id: result[1]!.id })
    expect(stored!.token).not.toBe(result[1]!.token)
    expect(stored!.redacted).toBe(`${result[1]!.token.slice(0, 6)}***${result[1]!.token.slice(-3)}`)
    expect(await events.drain()).toHaveLength(2)
  })

  test("when announcing fails, the keys are deleted", async () => {
    const before = await state()
    await failureMessage(
      createApiKeysWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { api_keys: [{ title: "Temp", type: "secret", created_by: "u" }] } }),
    )
    expect(await state()).toEqual(before)
  })
})

describe("updateApiKeysWorkflow and revokeApiKeysWorkflow", () => {
  test("renames and revokes a key; revoking again is invalid_data", async () => {
    const key = await createKey()
    await updateApiKeysWorkflow(t.container).run({ input: { api_keys: [{ id: key.id, title: "Renamed" }] } })
    const { result } = await revokeApiKeysWorkflow(t.container).run({ input: { ids: [key.id], revoked_by: "user_2" } })

    expect(result[0]).toMatchObject({ title: "Renamed", revoked_by: "user_2" })
    expect(result[0]!.revoked_at).toBeInstanceOf(Date)
    const again = await workflowFailure(revokeApiKeysWorkflow(t.container).run({ input: { ids: [key.id], revoked_by: "user_2" } }))
    expect(again.type).toBe("invalid_data")
  })

  test("unknown keys are not_found; failures after the change put the key back", async () => {
    expect(await workflowFailure(updateApiKeysWorkflow(t.container).run({ input: { api_keys: [{ id: "apk_missing", title: "X" }] } }))).toMatchObject({
      type: "not_found",
      message: "API key with id: apk_missing was not found",
    })
    expect(await workflowFailure(revokeApiKeysWorkflow(t.container).run({ input: { ids: ["apk_missing"], revoked_by: "u" } }))).toMatchObject({
      type: "not_found",
    })

    const key = await createKey()
    const before = await state()
    const failing = scopeFailing(t, "eventBus", "emit")
    await failureMessage(updateApiKeysWorkflow(failing).run({ input: { api_keys: [{ id: key.id, title: "Changed" }] } }))
    await failureMessage(revokeApiKeysWorkflow(failing).run({ input: { ids: [key.id], revoked_by: "u" } }))
    expect(await state()).toEqual(before)
  })
})

describe("deleteApiKeysWorkflow", () => {
  test("an active key cannot be deleted; a revoked one is, with its channel links", async () => {
    const key = await createKey()
    const channel = await t.channels.createSalesChannels({ name: "Web" })
    await linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: key.id, add: [channel.id] } })

    const refused = await workflowFailure(deleteApiKeysWorkflow(t.container).run({ input: { ids: [key.id] } }))
    expect(refused).toMatchObject({ type: "not_allowed", message: `Cannot delete api keys that are not revoked - ${key.id}` })

    await revokeApiKeysWorkflow(t.container).run({ input: { ids: [key.id], revoked_by: "u" } })
    await deleteApiKeysWorkflow(t.container).run({ input: { ids: [key.id] } })
    expect(await t.apiKeys.listApiKeys({ id: key.id })).toEqual([])
    expect(await channelsOf(key.id)).toEqual([])
  })

  test("a failure after the delete restores the key and its links", async () => {
    const key = await createKey()
    const channel = await t.channels.createSalesChannels({ name: "App" })
    await linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: key.id, add: [channel.id] } })
    await revokeApiKeysWorkflow(t.container).run({ input: { ids: [key.id], revoked_by: "u" } })
    const before = await state()

    await failureMessage(deleteApiKeysWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [key.id] } }))

    expect(await state()).toEqual(before)
  })
})

describe("linkSalesChannelsToApiKeyWorkflow", () => {
  test("adds and removes channels of a publishable key", async () => {
    const key = await createKey()
    const [web, app] = await t.channels.createSalesChannels([{ name: "Web" }, { name: "App" }])
    await linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: key.id, add: [web!.id, app!.id] } })
    await linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: key.id, remove: [web!.id] } })
    expect(await channelsOf(key.id)).toEqual([app!.id])
  })

  test("a secret key, an unknown key and an unknown channel are refused, and nothing changes", async () => {
    const secret = await createKey("secret")
    const key = await createKey()
    const channel = await t.channels.createSalesChannels({ name: "Web" })
    const before = await state()

    expect(await workflowFailure(linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: secret.id, add: [channel.id] } }))).toMatchObject({
      type: "invalid_data",
      message: "Sales channels can only be associated with publishable API keys",
    })
    expect(await workflowFailure(linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: "apk_missing", add: [] } }))).toMatchObject({
      type: "not_found",
    })
    expect(await workflowFailure(linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: key.id, add: [channel.id, "sc_phony"] } }))).toMatchObject({
      type: "invalid_data",
      message: "Sales channels with IDs sc_phony do not exist",
    })
    expect(await state()).toEqual(before)
  })

  test("when a link cannot be written, the links removed in the same run come back", async () => {
    const key = await createKey()
    const [web, app] = await t.channels.createSalesChannels([{ name: "Web" }, { name: "App" }])
    await linkSalesChannelsToApiKeyWorkflow(t.container).run({ input: { id: key.id, add: [web!.id] } })
    const before = await state()

    // Only writing the new link fails: the compensation writes the removed one back through the same service.
    const failing = scopeFailing(t, "link", "create", { when: (links) => JSON.stringify(links).includes(app!.id) })
    await failureMessage(linkSalesChannelsToApiKeyWorkflow(failing).run({ input: { id: key.id, add: [app!.id], remove: [web!.id] } }))

    expect(await state()).toEqual(before)
    expect(await channelsOf(key.id)).toEqual([web!.id])
  })
})
