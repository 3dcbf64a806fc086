import type { LoadedModule } from "../load-modules.ts"
import { columnsOf } from "../service/to-plain.ts"
import type { LinkDefinition, LinkSide, ReadOnlyLinkDefinition } from "./define-link.ts"

/** A link seen from one of its models: `side` is that model's end, `other` the far end. */
export type LinkEnd = { link: LinkDefinition; side: LinkSide; other: LinkSide }

/** The links whose two modules are loaded, indexed by model. */
export class LinkRegistry {
  readonly links: LinkDefinition[]
  /** Links without a table: a model's column naming a record of another module. */
  readonly readOnlyLinks: ReadOnlyLinkDefinition[]
  private readonly ends = new Map<string, LinkEnd[]>()

  constructor(links: LinkDefinition[], readOnlyLinks: ReadOnlyLinkDefinition[] = []) {
    this.links = links
    this.readOnlyLinks = readOnlyLinks
    for (const link of links) {
      this.add({ link, side: link.left, other: link.right })
      this.add({ link, side: link.right, other: link.left })
    }
  }

  /** The links of the model named `entity`. */
  endsOf(entity: string): LinkEnd[] {
    return this.ends.get(entity) ?? []
  }

  private add(end: LinkEnd): void {
    const entity = end.side.linkable.entity
    this.ends.set(entity, [...this.endsOf(entity), end])
  }
}

/**
 * Keeps the links whose modules are all loaded (a project may leave a module out: its links then
 * stay dormant, their tables untouched) and checks that each link's names fit its models.
 */
export function resolveLinks(
  definitions: LinkDefinition[],
  modules: LoadedModule[],
  warn: (message: string) => void,
  readOnlyDefinitions: ReadOnlyLinkDefinition[] = [],
): LinkRegistry {
  const byKey = new Map(modules.map((m) => [m.definition.key, m]))
  const entities = new Set(modules.flatMap((m) => m.definition.models.map((model) => model.name)))
  // A link whose module is not loaded stays inactive, with a warning.
  const loaded = (label: string, ...moduleKeys: string[]): boolean => {
    const missing = moduleKeys.filter((key) => !byKey.has(key))
    if (missing.length > 0) warn(`Link ${label} is inactive: module ${missing.map((key) => `"${key}"`).join(" and ")} is not loaded`)
    return missing.length === 0
  }
  const active: LinkDefinition[] = []
  for (const link of definitions) {
    if (!loaded(link.label, link.left.linkable.module, link.right.linkable.module)) continue
    for (const side of [link.left, link.right]) {
      const module = byKey.get(side.linkable.module)
      if (!module?.definition.models.some((model) => model.name === side.linkable.entity)) {
        throw new Error(`Link ${link.label}: module "${side.linkable.module}" has no model ${side.linkable.entity}`)
      }
    }
    if (entities.has(link.entryPoint)) {
      throw new Error(`Link ${link.label}: its entry point ${link.entryPoint} is already the name of a model`)
    }
    active.push(link)
  }
  const readOnly = readOnlyDefinitions.filter((link) => loaded(link.label, link.from.module, link.to.module))
  const registry = new LinkRegistry(active, readOnly)
  checkNames(registry, modules)
  return registry
}

/** Each link adds two names to each of its models (`brand` and `brand_link`): they must be free. */
function checkNames(registry: LinkRegistry, modules: LoadedModule[]): void {
  for (const model of modules.flatMap((m) => m.definition.models)) {
    const columns = columnsOf(model)
    const taken = new Map<string, string>()
    for (const name of [...Object.keys(model.schema), ...columns]) taken.set(name, "a field")
    const readOnly = registry.readOnlyLinks.filter((link) => link.from.entity === model.name)
    for (const link of readOnly) {
      if (!columns.includes(link.field)) throw new Error(`Link ${link.label}: ${model.name} has no column ${link.field}`)
    }
    const claims = [
      ...registry.endsOf(model.name).flatMap(({ link, other }) => [other.alias, `${other.linkable.entity}_link`].map((name) => ({ name, label: link.label }))),
      ...readOnly.map((link) => ({ name: link.alias, label: link.label })),
    ]
    for (const { name, label } of claims) {
      const holder = taken.get(name)
      if (holder) throw new Error(`Link ${label}: ${model.name} already has ${holder} named ${name}`)
      taken.set(name, `the link ${label}`)
    }
  }
}
