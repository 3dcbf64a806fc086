// TEMPORARY measurement (to be deleted): SQL statements per checkout step.
import pg from "pg"
import { afterAll, beforeAll, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { US_ADDRESS } from "./carts-helpers.ts"

let t: HttpApp
let log: string[] | undefined
const original = pg.Client.prototype.query
beforeAll(async () => {
  t = await startHttpApp({ stock: 1000 })
  ;(pg.Client.prototype as any).query = function (this: unknown, ...args: any[]) {
    const text = typeof args[0] === "string" ? args[0] : args[0]?.text
    if (log) log.push(String(text))
    return (original as any).apply(this, args)
  }
})
afterAll(() => {
  pg.Client.prototype.query = original
  return t?.close()
})

function classify(sql: string): string {
  const s = sql.trim().toLowerCase()
  if (/^(begin|commit|rollback|savepoint|release savepoint|start transaction)/.test(s)) return "tx"
  if (s.includes("workflow_execution") || s.includes("workflow_step")) return "checkpoint"
  if (s.includes("locking") || s.includes("lock")) return "lock"
  if (s.startsWith("select json_build_object") || s.includes("json_build_object(")) return "query"
  return "other"
}

test("statements per checkout step", async () => {
  const small = t.store.product.variants.small.id
  const medium = t.store.product.variants.medium.id
  const verbose = process.env.COUNT_VERBOSE
  const steps: Record<string, Record<string, number>> = {}
  const run = async (name: string, send: () => Promise<{ statusCode: number; body: string; json(): any }>) => {
    log = []
    const res = await send()
    const statements = log
    log = undefined
    expect(res.statusCode, res.body).toBe(200)
    const counts: Record<string, number> = { total: statements.length }
    for (const sql of statements) counts[classify(sql)] = (counts[classify(sql)] ?? 0) + 1
    steps[name] = counts
    if (verbose === name || verbose === "all") console.log(`--- ${name}\n` + statements.map((s) => s.replace(/\s+/g, " ").slice(0, 220)).join("\n"))
    return res.json()
  }
  for (let i = 0; i < 2; i++) {
    const created = await run("createCart", () => t.storefront.post("/store/carts", { region_id: t.store.regions.usd.id, items: [{ variant_id: small, quantity: 1 }] }))
    const cartId = created.cart.id
    await run("addItem", () => t.storefront.post(`/store/carts/${cartId}/line-items`, { variant_id: medium, quantity: 1 }))
    await run("updateCart", () => t.storefront.post(`/store/carts/${cartId}`, { email: `s${i}@example.com`, shipping_address: { ...US_ADDRESS, province: "il" } }))
    const options = await run("listShippingOptions", () => t.storefront.get(`/store/shipping-options?cart_id=${cartId}`))
    await run("addShippingMethod", () => t.storefront.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }))
    const collection = await run("createPaymentCollection", () => t.storefront.post("/store/payment-collections", { cart_id: cartId }))
    await run("createPaymentSession", () =>
      t.storefront.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }),
    )
    const done = await run("complete", () => t.storefront.post(`/store/carts/${cartId}/complete`))
    expect(done.type).toBe("order")
  }
  const total: Record<string, number> = {}
  for (const counts of Object.values(steps)) for (const [k, v] of Object.entries(counts)) total[k] = (total[k] ?? 0) + v
  console.log(JSON.stringify({ ...steps, flow: total }, null, 1))
}, 120_000)
