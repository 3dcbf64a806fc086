import { afterAll, beforeAll, expect, test } from "vitest"
import type { GraphQuery, Query } from "../../../src/framework/modules/index.ts"
import { countStatements } from "../../setup/count-statements.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { priceOf, productId, seedCatalog, variantId } from "./seed-catalog.ts"
import type { SeededCatalog } from "./seed-catalog.ts"

const PRODUCTS = 10_000

let t: TestApp
let query: Query
let catalog: SeededCatalog
beforeAll(async () => {
  t = await startTestApp({
    modules: [...DEFAULT_MODULES, ...["product", "pricing", "sales-channel"].map((name) => ({ resolve: `./src/modules/${name}` }))],
  })
  query = t.app.container.resolve("query")
  catalog = await seedCatalog(t.app.database, PRODUCTS)
}, 120_000)
afterAll(() => t.close())

/** Runs the query and returns its result with the SQL statements it sent. */
function counted(graphQuery: GraphQuery) {
  return countStatements(t.app.database, () => query.graph(graphQuery))
}

const page = (take: number): GraphQuery => ({
  entity: "product",
  // `variants.prices` is the link's Medusa shortcut for `variants.price_set.prices`.
  fields: ["id", "title", "variants.*", "variants.prices.*", "brand.*"],
  pagination: { take, order: { created_at: "DESC" } },
})

type Price = { amount: string; currency_code: string }
type Variant = { id: string; sku: string; product_id: string; prices: Price[] }
type Product = { id: string; title: string; variants: Variant[]; brand: { id: string; name: string } }

/** Product `n` as seeded, in the shape the page asks for. */
function expectedProduct(n: number) {
  const variants = Array.from({ length: catalog.variantsPerProduct }, (_, i) => i + 1)
  return {
    id: productId(n),
    title: `Product ${n}`,
    variants: variants.map((v) => ({
      id: variantId(n, v),
      sku: `SKU-${n}-${v}`,
      product_id: productId(n),
      prices: expect.arrayContaining([
        expect.objectContaining({ amount: priceOf(n, v, "usd"), currency_code: "usd" }),
        expect.objectContaining({ amount: priceOf(n, v, "eur"), currency_code: "eur" }),
      ]),
    })),
    brand: { id: `brand_${String(n).padStart(6, "0")}`, name: `Brand ${n}` },
  }
}

test("a page of 1 and a page of 100 products with variants, prices and brand take the same single statement", async () => {
  const one = await counted(page(1))
  const hundred = await counted(page(100))

  expect(one.statements).toHaveLength(1)
  expect(hundred.statements).toHaveLength(one.statements.length)

  expect(one.result.metadata).toEqual({ count: PRODUCTS, take: 1, skip: 0 })
  expect(one.result.data).toMatchObject([expectedProduct(1)])
  expect(hundred.result.metadata).toEqual({ count: PRODUCTS, take: 100, skip: 0 })
  const products = hundred.result.data as Product[]
  expect(products).toHaveLength(100)
  products.forEach((product, i) => {
    expect(product).toMatchObject(expectedProduct(i + 1))
    expect(product.variants).toHaveLength(catalog.variantsPerProduct)
    for (const variant of product.variants) expect(variant.prices).toHaveLength(2)
  })
})

test("filtering on a linked field happens in SQL: the products of a sales channel, counted over all 10,000", async () => {
  const { result, statements } = await counted({
    ...page(20),
    filters: { sales_channel_id: catalog.channels.pos, variants: { sku: { $like: "SKU-%-2" } } },
  })

  expect(statements).toHaveLength(1)
  expect(statements[0]).toContain('exists (select 1 from "product_sales_channel"')
  expect(result.metadata.count).toBe(Math.floor(PRODUCTS / 3))
  expect((result.data as Product[]).map((product) => product.id)).toEqual(
    Array.from({ length: 20 }, (_, i) => productId(3 * (i + 1))),
  )
})

test("the variants.prices shortcut filters too, in the same single statement", async () => {
  const amount = priceOf(7, 1, "usd")
  const { result, statements } = await counted({
    ...page(20),
    filters: { variants: { prices: { amount, currency_code: "usd" } } },
  })

  expect(statements).toHaveLength(1)
  const ids = (result.data as Product[]).map((product) => product.id)
  expect(ids).toContain(productId(7))
  for (const product of result.data as Product[]) {
    expect(product.variants.some((variant) => variant.prices.some((p) => p.currency_code === "usd" && Number(p.amount) === Number(amount)))).toBe(true)
  }
})

test("the same fields read the same JSON whatever the filters beside them: the record's part of the statement is built once", async () => {
  const fields = ["id", "title", "variants.sku", "brand.name"]
  const filtered = await counted({ entity: "product", fields, filters: { variants: { sku: "SKU-5-1" } }, pagination: { take: 5 } })
  const plain = await counted({ entity: "product", fields, filters: { id: productId(5) }, pagination: { take: 5 } })

  const expected = { id: productId(5), title: "Product 5", brand: { name: "Brand 5" } }
  expect(filtered.result.data).toMatchObject([expected])
  expect(plain.result.data).toMatchObject([expected])
  expect((plain.result.data[0] as Product).variants.map((variant) => variant.sku).sort()).toEqual(
    Array.from({ length: catalog.variantsPerProduct }, (_, i) => `SKU-5-${i + 1}`),
  )
  const recordPart = (statement: string | undefined) => statement?.slice(0, statement.indexOf(' as "row"'))
  expect(recordPart(filtered.statements[0])).toBe(recordPart(plain.statements[0]))
})
