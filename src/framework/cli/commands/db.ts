import path from "node:path"
import { withApp } from "./with-app.ts"

export function dbMigrate(): Promise<void> {
  return withApp(async (app) => {
    const applied = await app.migrate()
    if (applied.length === 0) console.log("No pending migrations")
    for (const { module, name } of applied) console.log(`Applied ${module}: ${name}`)
  })
}

export function dbGenerate(moduleKeys: string[]): Promise<void> {
  return withApp(async (app) => {
    for (const key of moduleKeys) {
      const generated = await app.generateMigration(key)
      if (!generated) console.log(`${key}: no changes, no migration written`)
      else console.log(`${key}: wrote ${path.relative(process.cwd(), generated.fileName)}`)
    }
  })
}
