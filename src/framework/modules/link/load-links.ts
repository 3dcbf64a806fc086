import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { isLinkDefinition, isReadOnlyLink } from "./define-link.ts"
import type { LinkDefinition, ReadOnlyLinkDefinition } from "./define-link.ts"

export type LinkFiles = { links: LinkDefinition[]; readOnlyLinks: ReadOnlyLinkDefinition[] }

/** Imports every link file of `linksDir` (`*.ts`, `*.js`; not its subfolders) and checks its default export. */
export async function loadLinkFiles(linksDir: string): Promise<LinkFiles> {
  if (!existsSync(linksDir)) return { links: [], readOnlyLinks: [] }
  const files = readdirSync(linksDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mts|mjs)$/.test(entry.name) && !/\.d\.[mc]?ts$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
  const links: LinkDefinition[] = []
  const readOnlyLinks: ReadOnlyLinkDefinition[] = []
  const tables = new Map<string, string>()
  const entryPoints = new Map<string, string>()
  for (const file of files) {
    const exported: { default?: unknown } = await import(pathToFileURL(path.join(linksDir, file)).href)
    const link = exported.default
    if (isReadOnlyLink(link)) {
      readOnlyLinks.push(link)
      continue
    }
    if (!isLinkDefinition(link)) throw new Error(`Link file ${file} must export default defineLink(...)`)
    const sameTable = tables.get(link.tableName)
    if (sameTable) throw new Error(`Link files ${sameTable} and ${file} both define the table ${link.tableName}`)
    const sameEntryPoint = entryPoints.get(link.entryPoint)
    if (sameEntryPoint) throw new Error(`Link files ${sameEntryPoint} and ${file} both link ${link.label}`)
    tables.set(link.tableName, file)
    entryPoints.set(link.entryPoint, file)
    links.push(link)
  }
  return { links, readOnlyLinks }
}
