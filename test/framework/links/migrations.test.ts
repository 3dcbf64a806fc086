import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { Writable } from "node:stream"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { generateLinkMigration } from "../../../src/framework/modules/index.ts"
import itemChannel from "../../fixtures/links/item-channel.ts"
import itemLabel from "../../fixtures/links/item-label.ts"
import variantStock from "../../fixtures/links/variant-stock.ts"
import { FIXTURE_LINKS_DIR, startLinkApp } from "./link-app.ts"
import type { LinkApp } from "./link-app.ts"

let t: LinkApp
beforeAll(async () => {
  t = await startLinkApp()
})
afterAll(() => t.close())

describe("link tables", () => {
  test("migrate creates each link table: id, both sides, extra columns, timestamps", async () => {
    const columns = await t.rows<{ column_name: string; data_type: string; is_nullable: string; column_default: string | null }>(
      `select column_name, data_type, is_nullable, column_default from information_schema.columns
       where table_name = 'catalog_item_variant_stock_stock_item' order by ordinal_position`,
    )
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ["id", "text", "NO"],
      ["item_variant_id", "text", "NO"],
      ["stock_item_id", "text", "NO"],
      ["required_quantity", "integer", "NO"],
      ["created_at", "timestamp with time zone", "NO"],
      ["updated_at", "timestamp with time zone", "NO"],
      ["deleted_at", "timestamp with time zone", "YES"],
    ])
    expect(columns.find((c) => c.column_name === "required_quantity")?.column_default).toBe("1")
  })

  test("a pair is unique among live links, a one-record side holds each record once, and each side is indexed", async () => {
    const indexes = await t.rows<{ indexdef: string }>(
      "select indexdef from pg_indexes where tablename = 'catalog_item_label_label' order by indexname",
    )
    const definitions = indexes.map((index) => index.indexdef.replace(/ USING btree/g, ""))
    expect(definitions).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/UNIQUE INDEX .* ON public.catalog_item_label_label \(item_id, label_id\) WHERE \(deleted_at IS NULL\)/),
        expect.stringMatching(/UNIQUE INDEX .* ON public.catalog_item_label_label \(item_id\) WHERE \(deleted_at IS NULL\)/),
        expect.stringMatching(/INDEX .* ON public.catalog_item_label_label \(label_id\)$/),
        expect.stringMatching(/INDEX .* ON public.catalog_item_label_label \(item_id\)$/),
      ]),
    )
    // Many to many: only the pair is unique.
    const channelUniques = await t.rows("select indexname from pg_indexes where tablename = 'catalog_item_channel_channel' and indexdef like 'CREATE UNIQUE%' and indexname not like '%pkey'")
    expect(channelUniques).toHaveLength(1)
  })

  test("the link migrations are recorded under the key link, after the modules'", async () => {
    const applied = await t.rows<{ module: string }>("select module from agora_migrations order by executed_at, module")
    expect(applied.map((row) => row.module)).toContain("link")
    expect(await t.app.migrate()).toEqual([])
  })
})

describe("generating the link migration", () => {
  const links = [itemChannel, itemLabel, variantStock]

  test("from nothing, it creates every link table", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agora-links-"))
    try {
      const generated = await generateLinkMigration(t.app.databaseUrl, dir, links)
      const statements = generated?.statements.join("\n") ?? ""
      for (const link of links) expect(statements).toContain(`create table "${link.tableName}"`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test("the fixture links' migration is up to date with their definitions", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agora-links-"))
    try {
      copyFileSync(path.join(FIXTURE_LINKS_DIR, "migrations", ".snapshot-link.json"), path.join(dir, ".snapshot-link.json"))
      expect(await generateLinkMigration(t.app.databaseUrl, dir, links)).toBeUndefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test("a link without a migration is reported at start, and a bad link file stops the start", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "agora-links-"))
    const lines: string[] = []
    const logger = pino(
      { level: "warn" },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)).msg)
          done()
        },
      }),
    )
    try {
      const fixture = (name: string) => path.join(FIXTURE_LINKS_DIR, name)
      writeFileSync(path.join(dir, "item-label.ts"), `export { default } from ${JSON.stringify(fixture("item-label.ts"))}\n`)
      const app = await startLinkApp({ linksDir: dir, logger })
      await app.close()
      expect(lines).toContain("Link item<->label has no migration for its table catalog_item_label_label: run `agora db:generate links`")

      writeFileSync(path.join(dir, "broken.ts"), "export default 42\n")
      await expect(startLinkApp({ linksDir: dir, logger })).rejects.toThrow("Link file broken.ts must export default defineLink(...)")
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
