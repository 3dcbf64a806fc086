import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { ProductModuleService } from "../../../src/modules/product/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

export type ProductApp = TestApp & {
  products: ProductModuleService
  /** Empties the product module's tables between tests. */
  reset(): Promise<void>
  /** Raw rows, read past the service (and its soft-delete filter). */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export async function startProductApp(): Promise<ProductApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/product" }] })
  return {
    ...t,
    products: t.app.container.resolve<ProductModuleService>("product"),
    reset: async () => {
      await t.app.database.execute("truncate product, product_option, product_option_value, product_variant, product_variant_option")
    },
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

/** A shirt with Size (S, M) × Color (Black, White) and the variants given (none by default). */
export function shirt(variants: { title: string; sku?: string; options?: Record<string, string> }[] = []) {
  return {
    title: "Medusa T-Shirt",
    options: [
      { title: "Size", values: ["S", "M"] },
      { title: "Color", values: ["Black", "White"] },
    ],
    variants,
  }
}
