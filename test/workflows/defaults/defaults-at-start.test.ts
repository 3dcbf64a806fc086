import pino from "pino"
import { afterAll, beforeAll, expect, test } from "vitest"
import { createApp } from "../../../src/framework/app/index.ts"
import type { AgoraApp } from "../../../src/framework/app/index.ts"
import { validateConfig } from "../../../src/framework/config/index.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"
import { createTestDatabase } from "../../setup/test-database.ts"
import type { TestDatabase } from "../../setup/test-database.ts"
import { COMMERCE_MODULES } from "../cart/app.ts"

let database: TestDatabase
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(() => database?.drop())

/** What `agora start` does before serving, on the project's own src/loaders: migrate, start the workflow engine, run the loaders. */
async function start(): Promise<AgoraApp> {
  const config = validateConfig({ projectConfig: { databaseUrl: database.url }, modules: COMMERCE_MODULES }, PROJECT_ROOT, "test")
  const app = await createApp({ rootDir: PROJECT_ROOT, config, logger: pino({ level: "silent" }) })
  await app.migrate()
  await app.workflows.start()
  await app.runLoaders()
  return app
}

async function counts(app: AgoraApp) {
  const [row] = await app.database.execute<{ stores: string; channels: string; linked: string }>(
    `select (select count(*) from "store")::text as stores, (select count(*) from "sales_channel")::text as channels,
       (select count(*) from "store" s join "sales_channel" c on c.id = s.default_sales_channel_id and c.name = 'Default Sales Channel')::text as linked`,
  )
  return { stores: Number(row?.stores), channels: Number(row?.channels), linked: Number(row?.linked) }
}

test("starting creates the store and its Default Sales Channel once: a second start and two starting together add nothing", async () => {
  const first = await start()
  expect(await counts(first)).toEqual({ stores: 1, channels: 1, linked: 1 })
  await first.close()

  const second = await start()
  expect(await counts(second)).toEqual({ stores: 1, channels: 1, linked: 1 })
  await second.close()

  const together = await Promise.all([start(), start()])
  expect(await counts(together[0])).toEqual({ stores: 1, channels: 1, linked: 1 })
  await Promise.all(together.map((app) => app.close()))
})
