import path from "node:path"
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify"
import pino from "pino"
import type { Logger } from "pino"
import { createApp } from "../../src/framework/app/index.ts"
import type { AgoraApp } from "../../src/framework/app/index.ts"
import { validateConfig } from "../../src/framework/config/index.ts"
import type { InputConfig } from "../../src/framework/config/index.ts"
import { createAdminUser } from "../../src/framework/auth/index.ts"
import { createTestDatabase } from "./test-database.ts"
import type { TestDatabase } from "./test-database.ts"

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..")

export const DEFAULT_MODULES = [
  { resolve: "./src/modules/user" },
  { resolve: "./src/modules/auth" },
  { resolve: "./src/modules/brand" },
]

export type TestApp = {
  app: AgoraApp
  server: FastifyInstance
  database: TestDatabase
  request(options: InjectOptions): Promise<LightMyRequestResponse>
  /** Creates an admin (through the engine) and signs in through `/auth/user/emailpass`. */
  adminToken(email?: string, password?: string): Promise<string>
  /** Closes the server first (in-flight requests finish), then the app's pool, then drops the database. */
  close(): Promise<void>
}

/** The real app on a fresh database, migrated, its HTTP server ready for `inject()` requests. */
export async function startTestApp(
  input: InputConfig = {},
  options: { rootDir?: string; migrate?: boolean; apiDir?: string; workflowsDir?: string; subscribersDir?: string; logger?: Logger } = {},
): Promise<TestApp> {
  const database = await createTestDatabase()
  const rootDir = options.rootDir ?? PROJECT_ROOT
  const config = validateConfig(
    {
      ...input,
      projectConfig: { ...input.projectConfig, databaseUrl: database.url },
      modules: input.modules ?? DEFAULT_MODULES,
    },
    rootDir,
    "test",
  )
  const logger = options.logger ?? pino({ level: "silent" })
  const app = await createApp({ rootDir, config, logger, apiDir: options.apiDir, workflowsDir: options.workflowsDir, subscribersDir: options.subscribersDir })
  if (options.migrate !== false) await app.migrate()
  const server = await app.http()
  await server.ready()
  let closing: Promise<void> | undefined
  return {
    app,
    server,
    database,
    request: (requestOptions) => server.inject(requestOptions),
    adminToken: async (email = "admin@example.com", password = "secret-password") => {
      await createAdminUser(app.container, app.database, { email, password })
      const response = await server.inject({ method: "POST", url: "/auth/user/emailpass", payload: { email, password } })
      return (response.json() as { token: string }).token
    },
    close: () =>
      (closing ??= (async () => {
        await app.close()
        await database.drop()
      })()),
  }
}
