import type { Database } from "../../../src/framework/database/database.ts"

/** What `seedCatalog` wrote, to check Query's answers against. */
export type SeededCatalog = {
  products: number
  variantsPerProduct: number
  /** Sales channels; products are sold in `web` when their number is even, in `pos` when it is a multiple of 3. */
  channels: { web: string; pos: string }
}

export const CATALOG_CURRENCIES = ["usd", "eur"] as const

const pad = (column: string) => `lpad(${column}::text, 6, '0')`

/** The id of product `n` (1-based), of its variant `v` and of that variant's price set. */
export const productId = (n: number) => `prod_${String(n).padStart(6, "0")}`
export const variantId = (n: number, v: number) => `variant_${String(n).padStart(6, "0")}_${v}`
/** Product `n`'s variant `v` costs `n + v / 100` in usd and twice that in eur. */
export const priceOf = (n: number, v: number, currency: (typeof CATALOG_CURRENCIES)[number]) => {
  const cents = (n * 100 + v) * (currency === "usd" ? 1 : 2)
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`
}

/**
 * Writes `products` published products with SQL (seconds, where the services would take minutes):
 * each with `variantsPerProduct` variants, one price set per variant (linked) holding a usd and an
 * eur price, a brand of its own (linked), and sales channel links; then analyzes the tables. Each
 * product is one second older than the one before, so newest-first is the order of their numbers.
 */
export async function seedCatalog(database: Database, products: number, variantsPerProduct = 2): Promise<SeededCatalog> {
  const channels = { web: "sc_web", pos: "sc_pos" }
  const n = products
  const v = variantsPerProduct
  const statements: [string, unknown[]][] = [
    [`insert into "sales_channel" ("id", "name") values (?, 'Web'), (?, 'Point of sale')`, [channels.web, channels.pos]],
    [`insert into "brand" ("id", "name") select 'brand_' || ${pad("n")}, 'Brand ' || n from generate_series(1, ?) n`, [n]],
    [
      `insert into "product" ("id", "title", "handle", "status", "created_at", "updated_at")
       select 'prod_' || ${pad("n")}, 'Product ' || n, 'product-' || n, 'published', now() - n * interval '1 second', now()
       from generate_series(1, ?) n`,
      [n],
    ],
    [
      `insert into "product_variant" ("id", "title", "sku", "variant_rank", "product_id")
       select 'variant_' || ${pad("n")} || '_' || v, 'Variant ' || v, 'SKU-' || n || '-' || v, v, 'prod_' || ${pad("n")}
       from generate_series(1, ?) n, generate_series(1, ?) v`,
      [n, v],
    ],
    [`insert into "price_set" ("id") select 'pset_' || ${pad("n")} || '_' || v from generate_series(1, ?) n, generate_series(1, ?) v`, [n, v]],
    [
      `insert into "price" ("id", "amount", "currency_code", "price_set_id")
       select 'price_' || ${pad("n")} || '_' || v || '_' || c, round((n * 100 + v) * (case c when 'usd' then 1 else 2 end) / 100.0, 2), c,
              'pset_' || ${pad("n")} || '_' || v
       from generate_series(1, ?) n, generate_series(1, ?) v, unnest(array['usd', 'eur']) c`,
      [n, v],
    ],
    [
      `insert into "product_variant_price_set" ("id", "product_variant_id", "price_set_id")
       select 'pvps_' || ${pad("n")} || '_' || v, 'variant_' || ${pad("n")} || '_' || v, 'pset_' || ${pad("n")} || '_' || v
       from generate_series(1, ?) n, generate_series(1, ?) v`,
      [n, v],
    ],
    [
      `insert into "product_product_brand_brand" ("id", "product_id", "brand_id")
       select 'link_' || ${pad("n")}, 'prod_' || ${pad("n")}, 'brand_' || ${pad("n")} from generate_series(1, ?) n`,
      [n],
    ],
    [
      `insert into "product_sales_channel" ("id", "product_id", "sales_channel_id")
       select 'prodsc_' || ${pad("n")} || '_' || sc, 'prod_' || ${pad("n")}, sc
       from generate_series(1, ?) n, unnest(array[?, ?]) sc
       where (sc = ? and n % 2 = 0) or (sc = ? and n % 3 = 0)`,
      [n, channels.web, channels.pos, channels.web, channels.pos],
    ],
  ]
  await database.transaction(async () => {
    for (const [sql, params] of statements) await database.execute(sql, params)
  })
  // Fresh tables have no planner statistics until autovacuum analyzes them; a live database has.
  await database.execute("analyze")
  return { products, variantsPerProduct, channels }
}
