import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { SalesChannelModuleService } from "../../../src/modules/sales-channel/index.ts"
import { rejection } from "../../framework/modules/blog-app.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let channels: SalesChannelModuleService
beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/sales-channel" }] })
  channels = t.app.container.resolve<SalesChannelModuleService>("sales_channel")
})
afterAll(() => t.close())
beforeEach(() => t.app.database.execute("delete from sales_channel"))

test("a sales channel is created enabled, with an sc_ id", async () => {
  const channel = await channels.createSalesChannels({ name: "Default Sales Channel" })

  expect(channel).toMatchObject({
    id: expect.stringMatching(/^sc_[0-9A-HJKMNP-TV-Z]{26}$/),
    name: "Default Sales Channel",
    description: null,
    is_disabled: false,
    metadata: null,
    deleted_at: null,
  })
  expect(await channels.retrieveSalesChannel(channel.id)).toEqual(channel)
})

test("channels are listed, searched by name or description, counted and paged", async () => {
  await channels.createSalesChannels([
    { name: "Web", description: "the online shop" },
    { name: "App", description: "iOS and Android", is_disabled: true },
    { name: "Marketplace", metadata: { partner: "acme" } },
  ])

  const [shops, count] = await channels.listAndCountSalesChannels({ q: "shop" })
  expect(count).toBe(1)
  expect(shops.map((channel) => channel.name)).toEqual(["Web"])
  expect((await channels.listSalesChannels({ is_disabled: true })).map((channel) => channel.name)).toEqual(["App"])
  expect((await channels.listSalesChannels({}, { order: { name: "ASC" }, take: 2 })).map((c) => c.name)).toEqual(["App", "Marketplace"])
})

test("a channel is updated, disabled, soft-deleted and restored", async () => {
  const channel = await channels.createSalesChannels({ name: "Web" })

  expect(await channels.updateSalesChannels({ id: channel.id, is_disabled: true, name: "Webshop" })).toMatchObject({
    is_disabled: true,
    name: "Webshop",
  })
  await channels.softDeleteSalesChannels(channel.id)
  expect(await channels.listSalesChannels()).toEqual([])
  expect(await channels.listSalesChannels({}, { withDeleted: true })).toHaveLength(1)
  await channels.restoreSalesChannels(channel.id)
  expect((await channels.retrieveSalesChannel(channel.id)).deleted_at).toBeNull()
  await channels.deleteSalesChannels(channel.id)
  expect(await channels.listSalesChannels({}, { withDeleted: true })).toEqual([])
})

test("a channel without a name is invalid_data naming the field", async () => {
  const error = await rejection(channels.createSalesChannels({ description: "nameless" } as never))
  expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
  expect(error.message).toMatch(/sales_channel\.name is required/)
})

test("retrieving or updating a missing channel is not_found, naming the id", async () => {
  const missing = await rejection(channels.retrieveSalesChannel("sc_missing"))
  expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
  expect(missing.message).toBe("SalesChannel with id: sc_missing was not found")
  const update = await rejection(channels.updateSalesChannels({ id: "sc_missing", name: "x" }))
  expect(update.message).toBe("SalesChannel with id: sc_missing was not found")
})
