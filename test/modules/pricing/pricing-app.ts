import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { PricingModuleService } from "../../../src/modules/pricing/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"


export type PricingApp = TestApp & {
  pricing: PricingModuleService
  /** Empties the pricing module's tables between tests. */
  reset(): Promise<void>
  /** Raw rows, read past the service. */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

export async function startPricingApp(): Promise<PricingApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/pricing" }] })
  return {
    ...t,
    pricing: t.app.container.resolve<PricingModuleService>("pricing"),
    reset: async () => {
      await t.app.database.execute("truncate price_set, price, price_rule")
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
