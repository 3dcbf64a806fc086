import { execFile } from "node:child_process"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { parseSeedArgs } from "../../src/scripts/seed.ts"
import { progress } from "../../src/scripts/seed/progress.ts"
import { COMMERCE_MODULES } from "../workflows/cart/app.ts"
import { PROJECT_ROOT, startTestApp } from "../setup/test-app.ts"
import type { TestApp } from "../setup/test-app.ts"

const BIN = path.join(PROJECT_ROOT, "bin", "agora.js")
const CLI_TIMEOUT_MS = 120_000

type CliResult = { code: number; stdout: string; stderr: string }

/** `agora seed ...args` on the test's database, as a user runs it (`npm run seed`). */
function runSeed(databaseUrl: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, "seed", ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: CLI_TIMEOUT_MS },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

const printed = (stdout: string, label: string) => new RegExp(`${label}\\s+(\\S+)`).exec(stdout)?.[1]

describe("agora seed", () => {
  let t: TestApp
  let first: CliResult
  const rows = <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => t.app.database.execute<T>(sql, params)
  const count = async (sql: string, params: unknown[] = []) => Number((await rows<{ n: string }>(sql, params))[0]?.n)

  beforeAll(async () => {
    t = await startTestApp({ modules: COMMERCE_MODULES })
    first = await runSeed(t.database.url, ["--products", "5"])
  }, CLI_TIMEOUT_MS)
  afterAll(() => t?.close())

  test("it prints what it created: the admin's email and generated password, the publishable key", () => {
    expect(first.stderr).not.toMatch(/error/i)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/admin user\s+admin@agora\.local \/ \S{8,}/)
    expect(printed(first.stdout, "publishable key")).toMatch(/^pk_[0-9a-f]{64}$/)
    // Not a terminal: plain progress lines instead of a bar.
    expect(first.stderr).toContain("Products: 5/5")
  })

  test("5 published products in the default sales channel, 3 variants each, priced in eur and usd and stocked", async () => {
    const [store] = await rows<{ default_sales_channel_id: string }>("select default_sales_channel_id from store where deleted_at is null")
    expect(await count("select count(*) as n from product where deleted_at is null")).toBe(5)
    expect(await count("select count(*) as n from product where status = 'published'")).toBe(5)
    expect(await count("select count(*) as n from product_variant where deleted_at is null")).toBe(15)
    expect(await count("select count(*) as n from product_option")).toBe(5)
    expect(await count("select count(*) as n from product_option_value")).toBe(15)
    expect(await count("select count(*) as n from product_sales_channel where sales_channel_id = ?", [store!.default_sales_channel_id])).toBe(5)

    const prices = await rows<{ currency_code: string; n: string }>(
      `select p.currency_code, count(*) as n from product_variant_price_set l
       join price p on p.price_set_id = l.price_set_id and p.deleted_at is null group by p.currency_code order by 1`,
    )
    expect(prices.map((row) => [row.currency_code, Number(row.n)])).toEqual([
      ["eur", 15],
      ["usd", 15],
    ])
    const stock = await rows<{ n: string; stocked: string }>(
      `select count(*) as n, min(lv.stocked_quantity)::text as stocked from product_variant_inventory_item l
       join inventory_level lv on lv.inventory_item_id = l.inventory_item_id
       join sales_channel_stock_location sl on sl.stock_location_id = lv.location_id and sl.sales_channel_id = ?`,
      [store!.default_sales_channel_id],
    )
    expect(Number(stock[0]?.n)).toBe(15)
    expect(Number(stock[0]?.stocked)).toBe(100)
  })

  test("regions, store, key, location and shipping are set up for a checkout", async () => {
    const regions = await rows<{ name: string; currency_code: string; countries: string; providers: string }>(
      `select r.name, r.currency_code,
         (select count(*) from region_country c where c.region_id = r.id)::text as countries,
         (select string_agg(payment_provider_id, ',') from region_payment_provider p where p.region_id = r.id and p.deleted_at is null) as providers
       from region r where r.deleted_at is null order by r.name`,
    )
    expect(regions).toEqual([
      { name: "Europe", currency_code: "eur", countries: "10", providers: "pp_system_default" },
      { name: "North America", currency_code: "usd", countries: "2", providers: "pp_system_default" },
    ])
    const currencies = await rows<{ currency_code: string }>("select currency_code from store_currency where deleted_at is null order by 1")
    expect(currencies.map((row) => row.currency_code)).toEqual(["eur", "usd"])
    expect(await count("select count(*) as n from publishable_api_key_sales_channel")).toBe(1)
    expect(await count("select count(*) as n from sales_channel_stock_location")).toBe(1)
    expect(await count("select count(*) as n from location_fulfillment_provider where fulfillment_provider_id = 'manual_manual'")).toBe(1)
    expect(await count("select count(*) as n from location_fulfillment_set")).toBe(1)
    // The service zone covers every region's country.
    expect(await count("select count(distinct country_code) as n from geo_zone where deleted_at is null")).toBe(12)
    expect(await count("select count(*) as n from shipping_profile where type = 'default'")).toBe(1)

    const [option] = await rows<{ id: string; name: string; price_type: string }>("select id, name, price_type from shipping_option")
    expect(option).toMatchObject({ name: "Standard Shipping", price_type: "flat" })
    const rules = await rows<{ attribute: string; value: unknown }>(
      "select attribute, value from shipping_option_rule where shipping_option_id = ? order by attribute",
      [option!.id],
    )
    expect(rules.map((rule) => [rule.attribute, JSON.stringify(rule.value).replaceAll('"', "")])).toEqual([
      ["enabled_in_store", "true"],
      ["is_return", "false"],
    ])
    const shippingPrices = await rows<{ currency_code: string }>(
      `select p.currency_code from shipping_option_price_set l join price p on p.price_set_id = l.price_set_id
       where l.shipping_option_id = ? order by 1`,
      [option!.id],
    )
    expect(shippingPrices.map((row) => row.currency_code)).toEqual(["eur", "usd"])
  })

  test("the printed key works against the store API, and the printed password signs the admin in", async () => {
    const key = printed(first.stdout, "publishable key")!
    const regions = await t.request({ method: "GET", url: "/store/regions", headers: { "x-publishable-api-key": key } })
    expect(regions.statusCode).toBe(200)
    expect(regions.json().regions.map((region: { name: string }) => region.name).sort()).toEqual(["Europe", "North America"])
    const products = await t.request({ method: "GET", url: "/store/products", headers: { "x-publishable-api-key": key } })
    expect(products.statusCode).toBe(200)
    expect(products.json().count).toBe(5)

    const password = /admin@agora\.local \/ (\S+)/.exec(first.stdout)![1]
    const login = await t.request({ method: "POST", url: "/auth/user/emailpass", payload: { email: "admin@agora.local", password } })
    expect(login.statusCode).toBe(200)
    expect(login.json().token).toEqual(expect.any(String))
  })

  test("a second seed is refused, says why, and changes nothing", async () => {
    const tables = [
      ...["product", "product_variant", "price", "inventory_item", "inventory_level", "region", "api_key", "user", "store"],
      ...["sales_channel", "stock_location", "shipping_option", "fulfillment_set", "shipping_profile", "product_sales_channel"],
    ]
    const footprint = async () =>
      Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await count(`select count(*) as n from "${table}"`)])))
    const before = await footprint()

    const second = await runSeed(t.database.url, ["--products", "5"])

    expect(second.code).toBe(1)
    expect(second.stderr).toContain("The database already holds 5 products")
    expect(second.stdout).not.toContain("pk_")
    expect(await footprint()).toEqual(before)
  }, CLI_TIMEOUT_MS)
})

describe("seed arguments", () => {
  test("defaults: 50 products, admin@agora.local, a password to generate", () => {
    expect(parseSeedArgs([])).toEqual({ products: 50, email: "admin@agora.local", password: undefined })
    expect(parseSeedArgs(["--products", "1000", "-e", "me@shop.test", "-p", "pw"])).toEqual({ products: 1000, email: "me@shop.test", password: "pw" })
  })

  test("a count that is not a whole number, or an unknown flag, is refused with a message", () => {
    expect(() => parseSeedArgs(["--products", "many"])).toThrow(/--products must be a whole number, got "many"/)
    expect(() => parseSeedArgs(["--products=-3"])).toThrow(/--products must be a whole number/)
    expect(() => parseSeedArgs(["--force"])).toThrow(/Unknown option '--force'/)
  })

  test("progress: a bar redrawn in place on a terminal, a plain line per update otherwise", () => {
    const write = (isTTY: boolean) => {
      let out = ""
      const bar = progress("Products", 4, { isTTY, write: (text: string) => (out += text) })
      bar.update(0)
      bar.update(2)
      bar.update(4)
      bar.finish()
      return out
    }
    const terminal = write(true)
    expect(terminal.startsWith("\rProducts [")).toBe(true)
    expect(terminal).toMatch(/\[#{15}-{15}\]  50% 2\/4/)
    expect(terminal.endsWith("\n")).toBe(true)
    expect(write(false).split("\n").filter(Boolean).map((line) => line.replace(/ \(.*\)$/, ""))).toEqual([
      "Products: 0/4",
      "Products: 2/4",
      "Products: 4/4",
    ])
  })
})
