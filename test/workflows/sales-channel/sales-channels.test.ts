import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import {
  createSalesChannelsWorkflow,
  deleteSalesChannelsWorkflow,
  SalesChannelEvents,
  updateSalesChannelsWorkflow,
} from "../../../src/workflows/sales-channel/index.ts"
import { failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { tableState } from "../fulfillment/table-state.ts"

let t: CommerceApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCommerceApp()
  events = await recordEvents(t, Object.values(SalesChannelEvents))
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

const state = () => tableState(t, ["sales_channel"], ["sales_channel_stock_location", "publishable_api_key_sales_channel"])
const create = async (name: string) =>
  (await createSalesChannelsWorkflow(t.container).run({ input: { salesChannelsData: [{ name }] } })).result[0]!

describe("createSalesChannelsWorkflow", () => {
  test("creates channels, enabled unless told, and announces them", async () => {
    const { result } = await createSalesChannelsWorkflow(t.container).run({
      input: { salesChannelsData: [{ name: "Web", description: "The shop" }, { name: "Pop-up", is_disabled: true }] },
    })

    expect(result).toMatchObject([
      { name: "Web", description: "The shop", is_disabled: false },
      { name: "Pop-up", is_disabled: true },
    ])
    expect((await events.drain()).map((event) => event.data)).toEqual(result.map((channel) => ({ id: channel.id })))
  })

  test("when announcing fails, the channels are deleted", async () => {
    const before = await state()
    expect(
      await failureMessage(createSalesChannelsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { salesChannelsData: [{ name: "Temp" }] } })),
    ).toContain("eventBus.emit is down")
    expect(await state()).toEqual(before)
  })
})

describe("updateSalesChannelsWorkflow", () => {
  test("changes the fields given and keeps the others", async () => {
    const channel = await create("App")
    const { result } = await updateSalesChannelsWorkflow(t.container).run({ input: { salesChannels: [{ id: channel.id, is_disabled: true }] } })
    expect(result[0]).toMatchObject({ id: channel.id, name: "App", is_disabled: true })
  })

  test("an unknown channel is not_found; a failure after the update puts the values back", async () => {
    const missing = await workflowFailure(updateSalesChannelsWorkflow(t.container).run({ input: { salesChannels: [{ id: "sc_missing", name: "X" }] } }))
    expect(missing).toMatchObject({ type: "not_found", message: "Sales channel with id: sc_missing was not found" })

    const channel = await create("Kiosk")
    const before = await state()
    await failureMessage(
      updateSalesChannelsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { salesChannels: [{ id: channel.id, name: "Renamed", description: "x" }] } }),
    )
    expect(await state()).toEqual(before)
  })
})

describe("deleteSalesChannelsWorkflow", () => {
  test("soft-deletes a channel with its links", async () => {
    const channel = await create("Marketplace")
    const location = await t.locations.createStockLocations({ name: "Hub" })
    await t.link.create({ sales_channel: { sales_channel_id: channel.id }, stock_location: { stock_location_id: location.id } })

    await deleteSalesChannelsWorkflow(t.container).run({ input: { ids: [channel.id] } })

    expect(await t.channels.listSalesChannels({ id: channel.id })).toEqual([])
    const { data } = await t.query.graph({ entity: "sales_channel_stock_location", fields: ["id"], filters: { sales_channel_id: channel.id } })
    expect(data).toEqual([])
    expect(await events.drain()).toContainEqual(expect.objectContaining({ name: "sales-channel.deleted", data: { id: channel.id } }))
  })

  test("the store's default channel cannot be deleted", async () => {
    const channel = await create("Default")
    await t.stores.createStores({ name: "Shop", default_sales_channel_id: channel.id })
    const before = await state()

    const error = await workflowFailure(deleteSalesChannelsWorkflow(t.container).run({ input: { ids: [channel.id] } }))

    expect(error).toMatchObject({ type: "not_allowed", message: `Cannot delete default sales channels: ${channel.id}` })
    expect(await state()).toEqual(before)
  })

  test("an unknown id is not_found; a failure after the delete restores the channel and its links", async () => {
    const missing = await workflowFailure(deleteSalesChannelsWorkflow(t.container).run({ input: { ids: ["sc_missing"] } }))
    expect(missing).toMatchObject({ type: "not_found", message: "Sales channel with id: sc_missing was not found" })

    const channel = await create("Outlet")
    const key = await t.apiKeys.createApiKeys({ title: "Outlet key", type: "publishable", created_by: "test" })
    await t.link.create({ api_key: { api_key_id: key.id }, sales_channel: { sales_channel_id: channel.id } })
    const before = await state()

    await failureMessage(deleteSalesChannelsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [channel.id] } }))

    expect(await state()).toEqual(before)
  })
})
