import { expect } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import type { BlogModuleService } from "../../fixtures/modules/blog/index.ts"

export type BlogApp = TestApp & {
  blog: BlogModuleService
  /** Empties every table of the blog module between tests. */
  reset(): Promise<void>
  /** Raw rows, read past the service (and its soft-delete filter). */
  rows<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The app with only the blog fixture module, its tables created from the models. */
export async function startBlogApp(): Promise<BlogApp> {
  const t = await startTestApp({ modules: [{ resolve: "./test/fixtures/modules/blog" }] }, { migrate: false })
  await t.app.database.orm.schema.create()
  return {
    ...t,
    blog: t.app.container.resolve<BlogModuleService>("blog"),
    reset: () => t.app.database.orm.schema.clear(),
    rows: (sql, params = []) => t.app.database.execute(sql, params),
  }
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the call to fail"),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AgoraError)
  return error as AgoraError
}

