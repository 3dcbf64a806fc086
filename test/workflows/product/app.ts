import { asValue } from "awilix"
import type { AwilixContainer } from "awilix"
import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { LinkService, Query } from "../../../src/framework/modules/index.ts"
import { WorkflowError } from "../../../src/framework/workflows-sdk/index.ts"
import type { BrandModuleService } from "../../../src/modules/brand/index.ts"
import type { InventoryModuleService } from "../../../src/modules/inventory/index.ts"
import type { PricingModuleService } from "../../../src/modules/pricing/index.ts"
import type { ProductModuleService } from "../../../src/modules/product/index.ts"
import type { SalesChannelModuleService } from "../../../src/modules/sales-channel/index.ts"
import type { StockLocationModuleService } from "../../../src/modules/stock-location/index.ts"
import { createProductsWorkflow } from "../../../src/workflows/product/index.ts"
import type { CreateProductWorkflowInput, ProductWithVariants } from "../../../src/workflows/product/index.ts"
import { recordEvents as recordBusEvents } from "../../setup/record-events.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

/** The catalog modules (brand is among the defaults); the links between them load with them. */
export const CATALOG_MODULES = [
  ...DEFAULT_MODULES,
  ...["product", "pricing", "inventory", "stock-location", "sales-channel"].map((name) => ({ resolve: `./src/modules/${name}` })),
]

export type CatalogApp = TestApp & {
  container: AwilixContainer
  link: LinkService
  query: Query
  products: ProductModuleService
  pricing: PricingModuleService
  inventory: InventoryModuleService
  locations: StockLocationModuleService
  channels: SalesChannelModuleService
  brands: BrandModuleService
  /** Raw rows, read past the services and their soft-delete filter. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export async function startCatalogApp(): Promise<CatalogApp> {
  const t = await startTestApp({ modules: CATALOG_MODULES })
  const resolve = <T>(key: string) => t.app.container.resolve<T>(key)
  return {
    ...t,
    container: t.app.container,
    link: resolve("link"),
    query: resolve("query"),
    products: resolve("product"),
    pricing: resolve("pricing"),
    inventory: resolve("inventory"),
    locations: resolve("stock_location"),
    channels: resolve("sales_channel"),
    brands: resolve("brand"),
    rows: (sql, params = []) => t.app.database.execute(sql, params),
  }
}

/**
 * A scope whose `key` service is the real one except `method`, which throws: the way to make one
 * step fail because its dependency refuses, without touching the other steps.
 */
export function scopeFailing(t: CatalogApp, key: string, method: string, message = `${key}.${method} is down`): AwilixContainer {
  const scope = t.container.createScope()
  const real = t.container.resolve<object>(key)
  const failing = new Proxy(real, {
    get(target, property) {
      if (property === method) {
        return async () => {
          throw new Error(message)
        }
      }
      const value: unknown = Reflect.get(target, property)
      return typeof value === "function" ? value.bind(target) : value
    },
  })
  scope.register(key, asValue(failing))
  return scope
}

/** Every event published from now on, as subscribers receive them (after `drain`); `clear` forgets those published so far. */
export async function recordEvents(t: CatalogApp): Promise<{ drain(): Promise<{ name: string; data: unknown }[]>; clear(): Promise<void> }> {
  const recorder = await recordBusEvents(t.app.events.bus, "*")
  return {
    drain: async () => (await recorder.drain()).map(({ name, data }) => ({ name, data })),
    clear: recorder.clear,
  }
}

export const CATALOG_TABLES = [
  "product",
  "product_option",
  "product_option_value",
  "product_variant",
  "product_variant_option",
  "price_set",
  "price",
  "price_rule",
  "inventory_item",
  "inventory_level",
  "reservation_item",
  "stock_location",
  "stock_location_address",
  "sales_channel",
  "brand",
]

/** Link rows get new ids when a rollback puts them back: what counts is the pair and its state. */
export const LINK_TABLES = [
  "product_variant_price_set",
  "product_variant_inventory_item",
  "product_sales_channel",
  "product_product_brand_brand",
  "sales_channel_stock_location",
]

/**
 * Every row of the catalog's tables, soft-deleted ones included, without their timestamps of change.
 * Equal before and after a failed run: it left nothing behind and changed nothing.
 */
export async function catalogState(t: CatalogApp): Promise<Record<string, string[]>> {
  const state: Record<string, string[]> = {}
  for (const table of [...CATALOG_TABLES, ...LINK_TABLES]) {
    const strip = LINK_TABLES.includes(table) ? ["id", "created_at", "updated_at"] : ["created_at", "updated_at"]
    const rows = await t.rows<{ row: unknown }>(
      `select to_jsonb(t) ${strip.map((column) => `- '${column}'`).join(" ")} as row from "${table}" t`,
    )
    state[table] = rows.map(({ row }) => JSON.stringify(row)).sort()
  }
  return state
}

/** The ids of the sales channels a product is sold in, sorted. */
export async function salesChannelsOf(t: CatalogApp, productId: string): Promise<string[]> {
  const { data } = await t.query.graph<{ sales_channel_id: string }>({
    entity: "product_sales_channel",
    fields: ["sales_channel_id"],
    filters: { product_id: productId },
  })
  return data.map((row) => row.sales_channel_id).sort()
}

/** Live rows of a table matching `where`, read past the services. */
export async function liveCount(t: CatalogApp, table: string, where = "true", params: unknown[] = []): Promise<number> {
  const [row] = await t.rows<{ count: string }>(`select count(*)::text as count from "${table}" where deleted_at is null and (${where})`, params)
  return Number(row?.count ?? 0)
}

/**
 * The error a workflow run fails with: a WorkflowError naming the failing step, its cause the
 * step's own error (an AgoraError keeps its type).
 */
export async function workflowFailure(run: Promise<unknown>): Promise<{ stepId: string; cause: Error & { type?: string } }> {
  const error = await run.then(
    () => expect.fail("expected the workflow to fail"),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(WorkflowError)
  const failure = error as WorkflowError
  expect(failure.state).toBe("failed")
  return { stepId: failure.stepId, cause: failure.cause as Error & { type?: string } }
}

export { AgoraError }

let seeded = 0

/** A published shirt with Size S and M, each priced in usd; through the workflow, as an admin would create it. */
export async function seedShirt(t: CatalogApp, overrides: Partial<CreateProductWorkflowInput> = {}): Promise<ProductWithVariants> {
  const n = ++seeded
  const { result } = await createProductsWorkflow(t.container).run({
    input: {
      products: [
        {
          title: `Shirt ${n}`,
          status: "published",
          options: [{ title: "Size", values: ["S", "M"] }],
          variants: [
            { title: "S", sku: `SEED-${n}-S`, options: { Size: "S" }, prices: [{ amount: 10, currency_code: "usd" }] },
            { title: "M", sku: `SEED-${n}-M`, options: { Size: "M" }, prices: [{ amount: 12, currency_code: "usd" }] },
          ],
          ...overrides,
        },
      ],
    },
  })
  return result[0]!
}
