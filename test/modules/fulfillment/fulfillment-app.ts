import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { FulfillmentModuleService } from "../../../src/modules/fulfillment/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

export const SCRIPTED_PROVIDER_ID = "scripted_carrier"

export type FulfillmentApp = TestApp & {
  fulfillment: FulfillmentModuleService
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with the fulfillment module, configured with the scripted carrier beside the manual provider. */
export async function startFulfillmentApp(
  options: Record<string, unknown> = { providers: [{ resolve: "./test/modules/fulfillment/fixtures/scripted-provider.ts", id: "carrier" }] },
): Promise<FulfillmentApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/fulfillment", options }] })
  return {
    ...t,
    fulfillment: t.app.container.resolve<FulfillmentModuleService>("fulfillment"),
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

let counter = 0
/** A name no other test of the run uses (names of sets, zones and profiles are unique). */
export function unique(name: string): string {
  counter += 1
  return `${name} ${counter}`
}
