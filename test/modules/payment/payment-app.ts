import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { PaymentModuleService } from "../../../src/modules/payment/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

export const SCRIPTED_PROVIDER_ID = "pp_scripted_test"

export type PaymentApp = TestApp & {
  payment: PaymentModuleService
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with the payment module, configured with the scripted provider (loaded from its file). */
export async function startPaymentApp(options: Record<string, unknown> = defaultOptions()): Promise<PaymentApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/payment", options }] })
  return {
    ...t,
    payment: t.app.container.resolve<PaymentModuleService>("payment"),
    rows: (sql, params = []) => t.app.database.execute(sql, params),
  }
}

function defaultOptions(): Record<string, unknown> {
  return { providers: [{ resolve: "./test/modules/payment/fixtures/scripted-provider.ts", id: "test" }] }
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
