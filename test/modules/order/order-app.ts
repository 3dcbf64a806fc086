import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { ORDER_MODULE } from "../../../src/modules/order/index.ts"
import type { CreateOrderInput, OrderModuleService } from "../../../src/modules/order/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

export type OrderApp = TestApp & {
  orders: OrderModuleService
  /** Raw rows, read past the service. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with the order module, its migrations run. */
export async function startOrderApp(): Promise<OrderApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/order" }] })
  return {
    ...t,
    orders: t.app.container.resolve<OrderModuleService>(ORDER_MODULE),
    rows: (sql, params = []) => t.app.database.execute(sql, params),
  }
}

/** The AgoraError a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the call to fail"),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AgoraError)
  return error as AgoraError
}

/** A line as a cart hands it over: the variant's snapshot and its price. */
export function orderLine(overrides: Record<string, unknown> = {}) {
  return {
    title: "Medium",
    subtitle: "T-shirt",
    quantity: 1,
    variant_id: "variant_1",
    product_id: "prod_1",
    product_title: "T-shirt",
    variant_sku: "TS-M",
    variant_title: "Medium",
    unit_price: 10,
    ...overrides,
  } as { title: string; quantity: number; unit_price: number | string } & Record<string, unknown>
}

/** A placed order with the given lines (by default two lines: 2 × 10 and 1 × 5) and 4.5 shipping. */
export function placeOrder(orders: OrderModuleService, input: Partial<CreateOrderInput> = {}) {
  return orders.createOrders({
    currency_code: "usd",
    email: "buyer@example.com",
    items: [orderLine({ quantity: 2 }), orderLine({ title: "Socks", variant_title: null, variant_sku: null, unit_price: 5 })],
    shipping_methods: [{ name: "Standard", amount: 4.5, shipping_option_id: "so_1" }],
    ...input,
  })
}
