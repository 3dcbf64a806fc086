import path from "node:path"
import type { Logger } from "pino"
import type { InputConfig } from "../../src/framework/config/index.ts"
import { startTestApp } from "./test-app.ts"
import type { TestApp } from "./test-app.ts"

/** The API folder of the HTTP tests: routes and middlewares that exercise the engine, not commerce. */
export const FIXTURE_API_DIR = path.resolve(import.meta.dirname, "../fixtures/api")

export type FixtureApp = TestApp

/** The real app (modules, container, migrated database) serving a fixture API folder instead of `src/api`. */
export function startFixtureApp(
  input: InputConfig = {},
  options: { apiDir?: string; logger?: Logger } = {},
): Promise<FixtureApp> {
  return startTestApp(input, { apiDir: options.apiDir ?? FIXTURE_API_DIR, logger: options.logger })
}
