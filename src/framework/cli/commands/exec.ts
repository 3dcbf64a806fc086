import { existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { AgoraContainer } from "../../container/index.ts"
import { withApp } from "./with-app.ts"

export type ExecArgs = { container: AgoraContainer; args: string[] }

/**
 * Runs `export default async function ({ container, args })` of a script, as one unit of work;
 * with `migrate`, after applying pending migrations (a script that fills a new database).
 */
export async function exec(script: string, args: string[], options: { migrate?: boolean } = {}): Promise<void> {
  const file = path.resolve(process.cwd(), script)
  if (!existsSync(file)) throw new Error(`No script at ${script}`)
  const exported: { default?: (input: ExecArgs) => unknown } = await import(pathToFileURL(file).href)
  const run = exported.default
  if (typeof run !== "function") throw new Error(`${script} must export a default function`)
  await withApp(async (app) => {
    if (options.migrate) await app.migrate()
    await run({ container: app.container.createScope(), args })
  })
}
