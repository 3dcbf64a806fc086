import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { AgoraContainer } from "../container/index.ts"

/** A project loader: runs once when the app starts, after migrations, with the app's container. */
export type ProjectLoader = (container: AgoraContainer) => Promise<void>

export type LoadedLoader = { readonly name: string; readonly run: ProjectLoader }

/**
 * The loaders of a folder (`src/loaders`), in file name order: each file's default export is
 * `async (container) => {}`. A missing folder has none.
 */
export async function loadProjectLoaders(dir: string): Promise<LoadedLoader[]> {
  if (!existsSync(dir)) return []
  const files = readdirSync(dir)
    .filter((file) => /\.(ts|js|mts|mjs)$/.test(file) && !/\.(d|test|spec)\.[mc]?[tj]s$/.test(file))
    .sort()
  const loaded: LoadedLoader[] = []
  for (const file of files) {
    const exported: { default?: unknown } = await import(pathToFileURL(path.join(dir, file)).href)
    if (typeof exported.default !== "function") {
      throw new Error(`Loader ${path.join(path.basename(dir), file)} must export a default async function (container)`)
    }
    loaded.push({ name: path.parse(file).name, run: exported.default as ProjectLoader })
  }
  return loaded
}
