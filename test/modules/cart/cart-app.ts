import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { CART_MODULE } from "../../../src/modules/cart/index.ts"
import type { CartModuleService } from "../../../src/modules/cart/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

export type CartApp = TestApp & {
  carts: CartModuleService
  /** Raw rows, read past the service. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with the cart module, its migrations run. */
export async function startCartApp(): Promise<CartApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/cart" }] })
  return {
    ...t,
    carts: t.app.container.resolve<CartModuleService>(CART_MODULE),
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

/** A line as a storefront adds it: the variant's snapshot and its price. */
export function lineItem(overrides: Record<string, unknown> = {}) {
  return {
    title: "Medium",
    subtitle: "T-shirt",
    quantity: 1,
    variant_id: "variant_1",
    product_id: "prod_1",
    product_title: "T-shirt",
    product_handle: "t-shirt",
    variant_sku: "TS-M",
    variant_title: "Medium",
    variant_option_values: { Size: "M" },
    unit_price: 10,
    ...overrides,
  } as { title: string; quantity: number; unit_price: number | string } & Record<string, unknown>
}
