import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { LOCKING_KEY } from "../../../src/framework/locking/index.ts"
import type { LockingService } from "../../../src/framework/locking/index.ts"
import { createDefaultsWorkflow } from "../../../src/workflows/defaults/index.ts"
import { failureMessage, recordEvents, scopeFailing, startCommerceApp } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { tableState } from "../fulfillment/table-state.ts"

let t: CommerceApp
beforeAll(async () => {
  t = await startCommerceApp()
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.rows(`delete from "store_currency"`)
  await t.rows(`delete from "store"`)
  await t.rows(`delete from "sales_channel"`)
})

const state = async () => {
  // Locks given back in the background by runs that already answered are written first.
  await t.container.resolve<LockingService>(LOCKING_KEY).settled()
  return tableState(t, ["store", "store_currency", "sales_channel", "lock"])
}
const run = (container = t.container) => createDefaultsWorkflow(container).run()

describe("createDefaultsWorkflow", () => {
  test("on an empty database: a store selling in usd whose default channel is the Default Sales Channel, announced", async () => {
    const events = await recordEvents(t, ["store.created", "sales-channel.created"])
    const { result: store } = await run()

    const channels = await t.channels.listSalesChannels()
    expect(channels).toMatchObject([{ name: "Default Sales Channel", is_disabled: false }])
    expect(store).toMatchObject({ name: "Agora Store", default_sales_channel_id: channels[0]!.id })
    expect(store.supported_currencies).toMatchObject([{ currency_code: "usd", is_default: true }])
    expect((await events.drain()).map((event) => event.name).sort()).toEqual(["sales-channel.created", "store.created"])
  })

  test("running it again changes nothing", async () => {
    await run()
    const before = await state()
    const { result } = await run()
    expect(await state()).toEqual(before)
    expect((await t.stores.listStores()).map((store) => store.id)).toEqual([result.id])
  })

  test("runs started together leave one store and one channel", async () => {
    await Promise.all([run(), run(), run()])
    expect(await t.stores.listStores()).toHaveLength(1)
    expect(await t.channels.listSalesChannels()).toHaveLength(1)
  })

  test("a store without a default channel is given one; existing channels are reused", async () => {
    const web = await t.channels.createSalesChannels({ name: "Web" })
    const store = await t.stores.createStores({ name: "My shop" })

    await run()

    expect(await t.stores.listStores()).toMatchObject([{ id: store.id, name: "My shop", default_sales_channel_id: web.id }])
    expect(await t.channels.listSalesChannels()).toHaveLength(1)
  })

  test("when a write fails, nothing is left behind and the lock is given back", async () => {
    const before = await state()
    expect(await failureMessage(run(scopeFailing(t, "store", "createStores")))).toContain("store.createStores is down")
    expect(await state()).toEqual(before)

    const store = await t.stores.createStores({ name: "Existing" })
    const kept = await state()
    await failureMessage(run(scopeFailing(t, "eventBus", "emit")))
    expect(await state()).toEqual(kept)
    expect((await t.stores.listStores({ id: store.id }))[0]?.default_sales_channel_id).toBeNull()
  })
})
