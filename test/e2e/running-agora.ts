import * as jsSdk from "@medusajs/js-sdk"
import type { Admin, Auth, Config, Store } from "@medusajs/js-sdk"
import projectConfig from "../../medusa-config.ts"
import { createAdminUser } from "../../src/framework/auth/index.ts"
import { startTestApp } from "../setup/test-app.ts"
import type { TestApp } from "../setup/test-app.ts"

/** The js-sdk client: what a storefront or admin app holds. */
export type Medusa = { admin: Admin; store: Store; auth: Auth }
// The package ships ES modules without declaring itself a module, so TypeScript reads its default
// export one level deeper than Node loads it: Node's namespace `default` is the client class.
const Medusa = jsSdk.default as unknown as new (config: Config) => Medusa

export type RunningAgora = TestApp & {
  baseUrl: string
  /** A js-sdk client as a storefront or admin would build it (JWT kept in memory, as Node needs). */
  client(options?: { publishableKey?: string }): Medusa
  admin: { email: string; password: string }
}

/**
 * The project's own app (every module of medusa-config.ts, its routes, hooks and subscribers)
 * listening on 127.0.0.1 on a fresh database, with one admin user: what `agora start` serves.
 */
export async function startRunningAgora(): Promise<RunningAgora> {
  const t = await startTestApp({ modules: projectConfig.modules })
  await t.app.workflows.start()
  await t.app.runLoaders()
  await t.app.events.start()
  const admin = { email: "admin@example.com", password: "a-long-admin-password" }
  await createAdminUser(t.app.container, t.app.database, admin)
  const baseUrl = await t.server.listen({ host: "127.0.0.1", port: 0 })
  return {
    ...t,
    baseUrl,
    admin,
    client: (options = {}) =>
      new Medusa({ baseUrl, publishableKey: options.publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } }),
  }
}
