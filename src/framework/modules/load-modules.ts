import { existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { ModuleConfig } from "../config/index.ts"
import type { ModuleDefinition } from "./module.ts"

export type LoadedModule = {
  definition: ModuleDefinition
  /** The module's folder; its migrations live in `<dir>/migrations`. */
  dir: string
  options: Record<string, unknown>
}

/** Imports each configured module's entry (`<resolve>/index.ts`) and checks its default export. */
export async function loadModules(rootDir: string, configs: ModuleConfig[]): Promise<LoadedModule[]> {
  const loaded: LoadedModule[] = []
  const keys = new Set<string>()
  for (const config of configs) {
    const target = path.resolve(rootDir, config.resolve)
    const entry = existsSync(path.join(target, "index.ts")) ? path.join(target, "index.ts") : target
    const imported: { default?: ModuleDefinition } = await import(pathToFileURL(entry).href)
    const definition = imported.default
    if (!definition || typeof definition.key !== "string" || typeof definition.service !== "function") {
      throw new Error(`Module ${config.resolve} must export default Module(key, { service })`)
    }
    if (keys.has(definition.key)) throw new Error(`Two modules use the key "${definition.key}"`)
    keys.add(definition.key)
    loaded.push({ definition, dir: path.dirname(entry), options: config.options ?? {} })
  }
  return loaded
}
