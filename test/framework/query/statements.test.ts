import { afterAll, beforeAll, expect, test } from "vitest"
import type { GraphQuery } from "../../../src/framework/modules/index.ts"
import { countStatements } from "../../setup/count-statements.ts"
import { startLinkApp } from "../links/link-app.ts"
import type { LinkApp } from "../links/link-app.ts"

const ITEMS = 2_000

let t: LinkApp
let webId: string
beforeAll(async () => {
  t = await startLinkApp()
  const items = await t.catalog.createItems(
    Array.from({ length: ITEMS }, (_, i) => ({
      title: `Item ${i}`,
      handle: `item-${String(i).padStart(4, "0")}`,
      variants: [
        { sku: `SKU-${i}-A`, title: "A" },
        { sku: `SKU-${i}-B`, title: "B" },
      ],
    })),
  )
  const variantIds = items.flatMap((item) => item.variants!.map((variant) => variant.id))
  await t.catalog.createItemPrices(variantIds.map((id) => ({ variant_id: id, amount: "10", currency_code: "usd" })))
  const [acme] = await t.label.createLabels([{ name: "Acme" }])
  const [web] = await t.channel.createChannels([{ name: "Web" }])
  webId = web!.id
  await t.link.create(items.map((item) => ({ catalog: { item_id: item.id }, label: { label_id: acme!.id } })))
  await t.link.create(items.map((item) => ({ catalog: { item_id: item.id }, channel: { channel_id: webId } })))
  // Fresh tables have no planner statistics until autovacuum analyzes them; a live database has.
  await t.rows("analyze")
}, 120_000)
afterAll(() => t.close())

/** Runs the query and returns its result with the number of SQL statements it sent. */
async function counted(query: GraphQuery) {
  const { result, statements } = await countStatements(t.app.database, () => t.query.graph(query))
  return { result, statements: statements.length }
}

const pageOf = (take: number, skip = 0): GraphQuery => ({
  entity: "item",
  fields: ["id", "title", "variants.*", "variants.prices.*", "label.*", "channels.*"],
  filters: { channel_id: [webId], status: "draft" },
  pagination: { take, skip, order: { handle: "DESC" } },
})

test("a page of 1 and a page of 100, each item with variants, prices and links, take the same single statement", async () => {
  const one = await counted(pageOf(1))
  const hundred = await counted(pageOf(100))

  expect(one.result.data).toHaveLength(1)
  expect(hundred.result.data).toHaveLength(100)
  expect(hundred.result.metadata.count).toBe(ITEMS)
  for (const item of hundred.result.data) {
    expect(item.variants).toHaveLength(2)
    expect((item.variants as { prices: unknown[] }[])[0]?.prices).toHaveLength(1)
    expect(item.label).toMatchObject({ name: "Acme" })
    expect(item.channels).toEqual([expect.objectContaining({ id: webId })])
  }
  expect(one.statements).toBe(1)
  expect(hundred.statements).toBe(one.statements)
})

test("every item at once is still one statement; a page past the end adds one count", async () => {
  const all = await counted({ ...pageOf(ITEMS), pagination: {} })
  expect(all.result.data).toHaveLength(ITEMS)
  expect(all.statements).toBe(1)

  const past = await counted(pageOf(10, ITEMS + 5))
  expect(past.result).toEqual({ data: [], metadata: { count: ITEMS, take: 10, skip: ITEMS + 5 } })
  expect(past.statements).toBe(2)
})
