import { AgoraError } from "../../errors/index.ts"
import type { Database } from "../../database/database.ts"
import type { LinkDefinition, LinkSide } from "./define-link.ts"
import type { LinkCascade } from "./link-cascade.ts"
import type { LinkRegistry } from "./link-registry.ts"
import { inList, unique } from "./link-table-store.ts"
import type { LinkPair, LinkRow, LinkTableStore } from "./link-table-store.ts"
import { extraValueProblem } from "./extra-columns.ts"

/**
 * Two records to link, each under its module's key and its foreign key, in the order of the link's
 * definition or the reverse: `{ product: { product_id: "prod_1" }, brand: { brand_id: "brand_1" } }`,
 * with the extra columns' values under `data`.
 */
export type LinkInput = { [moduleKey: string]: Record<string, unknown> | undefined } & { data?: Record<string, unknown> }

/** Records whose links `delete` and `restore` act on: `{ product: { product_id: ["prod_1"] } }`. */
export type LinkedRecords = { [moduleKey: string]: Record<string, string | string[]> }

type Resolved = { link: LinkDefinition; left: unknown; right: unknown; data: Record<string, unknown> }

/** The `link` service: creates, lists and removes links between records of two modules. */
export class LinkService {
  private readonly registry: LinkRegistry
  private readonly stores: Map<LinkDefinition, LinkTableStore>
  private readonly cascade: LinkCascade
  private readonly database: Database

  constructor(registry: LinkRegistry, stores: Map<LinkDefinition, LinkTableStore>, cascade: LinkCascade, database: Database) {
    this.registry = registry
    this.stores = stores
    this.cascade = cascade
    this.database = database
  }

  /** Links the records (both must exist); linking a pair again keeps one link and updates its `data`. */
  async create(input: LinkInput | LinkInput[]): Promise<LinkRow[]> {
    const groups = [...this.group(input, "create")].map(([link, items]) => ({ link, pairs: this.pairsOf(link, items) }))
    const only = groups.length === 1 ? groups[0] : undefined
    if (only !== undefined && only.pairs.every((pair) => Object.keys(pair.data).length === 0)) {
      // The usual case, one link without extra columns, costs one statement; the checks below
      // only run to say which record is missing.
      const rows = await this.store(only.link).insertIfRecordsExist(only.pairs)
      if (rows.length > 0) return rows
    }
    return this.database.transaction(async () => {
      const rows: LinkRow[] = []
      for (const { link, pairs } of groups) {
        await this.assertExist(link.left, unique(pairs.map((pair) => pair.left)))
        await this.assertExist(link.right, unique(pairs.map((pair) => pair.right)))
        rows.push(...(await this.store(link).insert(pairs)))
      }
      return rows
    })
  }

  private pairsOf(link: LinkDefinition, items: Resolved[]): LinkPair[] {
    const pairs = new Map<string, LinkPair>()
    for (const item of items) {
      const left = single(link.left, item.left)
      const right = single(link.right, item.right)
      pairs.set(`${left}\u0000${right}`, { left, right, data: this.checkData(link, item.data) })
    }
    return [...pairs.values()]
  }

  /** Removes the links between these pairs of records (the rows are deleted). Returns the removed links. */
  async dismiss(input: LinkInput | LinkInput[]): Promise<LinkRow[]> {
    const groups = this.group(input, "dismiss")
    return this.database.transaction(async () => {
      const rows: LinkRow[] = []
      for (const [link, items] of groups) {
        const pairs = items.map((item) => ({ left: single(link.left, item.left), right: single(link.right, item.right), data: {} }))
        rows.push(...(await this.store(link).dismiss(pairs)))
      }
      return rows
    })
  }

  /**
   * The live links matching each input (a side's value may be an id or a list of ids); as rows with
   * the link's columns, or with `asLinkDefinition` in the shape `create` takes.
   */
  async list(input: LinkInput | LinkInput[], options: { asLinkDefinition: true }): Promise<LinkInput[]>
  async list(input: LinkInput | LinkInput[], options?: { asLinkDefinition?: false }): Promise<LinkRow[]>
  async list(input: LinkInput | LinkInput[], options: { asLinkDefinition?: boolean } = {}): Promise<(LinkRow | LinkInput)[]> {
    const result: (LinkRow | LinkInput)[] = []
    for (const [link, items] of this.group(input, "list")) {
      for (const item of items) {
        const rows = await this.store(link).list(ids(link.left, item.left), ids(link.right, item.right))
        result.push(...(options.asLinkDefinition ? rows.map((row) => toLinkInput(link, row)) : rows))
      }
    }
    return result
  }

  /**
   * Soft-deletes every link of these records, and the records linked to them through a side with
   * `deleteCascade`: what a workflow calls after deleting the records themselves.
   */
  async delete(records: LinkedRecords): Promise<void> {
    const targets = this.targets(records)
    await this.database.transaction(async () => {
      for (const { side, ids } of targets) await this.cascade.remove(side.linkable.entity, ids, "softDelete")
    })
  }

  /** Restores the links `delete` soft-deleted, and the records it deleted through them. */
  async restore(records: LinkedRecords): Promise<void> {
    const targets = this.targets(records)
    await this.database.transaction(async () => {
      for (const { side, ids } of targets) await this.cascade.restore(side.linkable.entity, ids)
    })
  }

  /** Finds the link of each input (by its two modules and foreign keys) and groups the inputs by link. */
  private group(input: LinkInput | LinkInput[], action: string): Map<LinkDefinition, Resolved[]> {
    const items = Array.isArray(input) ? input : [input]
    const groups = new Map<LinkDefinition, Resolved[]>()
    for (const item of items) {
      const resolved = this.resolve(item, action)
      groups.set(resolved.link, [...(groups.get(resolved.link) ?? []), resolved])
    }
    return groups
  }

  private resolve(item: LinkInput, action: string): Resolved {
    if (typeof item !== "object" || item === null) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `link.${action} expects { <module>: { <model>_id }, <module>: { <model>_id } }`)
    }
    const modules = Object.keys(item).filter((key) => key !== "data")
    const keysOf = (module: string) => {
      const value = item[module]
      return typeof value === "object" && value !== null ? Object.keys(value) : []
    }
    const named = modules.map((module) => `${module}.${keysOf(module).join(",") || "?"}`).join(" and ")
    if (modules.length !== 2) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `link.${action} needs records of exactly two modules, got ${named || "none"}`)
    }
    const matches = (side: LinkSide) => {
      const keys = keysOf(side.linkable.module)
      return keys.length === 1 && keys[0] === side.column
    }
    const link = this.registry.links.find((candidate) => matches(candidate.left) && matches(candidate.right))
    if (!link) throw new AgoraError(AgoraError.Types.INVALID_DATA, `No link between ${named} is defined`)
    return {
      link,
      left: item[link.left.linkable.module]?.[link.left.column],
      right: item[link.right.linkable.module]?.[link.right.column],
      data: item.data ?? {},
    }
  }

  private targets(records: LinkedRecords): { side: LinkSide; ids: string[] }[] {
    if (typeof records !== "object" || records === null) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "Expected { <module>: { <model>_id: ids } }")
    }
    const targets: { side: LinkSide; ids: string[] }[] = []
    for (const [module, keys] of Object.entries(records)) {
      for (const [column, value] of Object.entries(keys ?? {})) {
        const side = this.registry.links
          .flatMap((link) => [link.left, link.right])
          .find((candidate) => candidate.linkable.module === module && candidate.column === column)
        if (!side) throw new AgoraError(AgoraError.Types.INVALID_DATA, `No link uses ${module}.${column}`)
        targets.push({ side, ids: ids(side, value) ?? [] })
      }
    }
    return targets
  }

  private checkData(link: LinkDefinition, data: unknown): Record<string, unknown> {
    if (data === undefined || data === null) return {}
    if (typeof data !== "object" || Array.isArray(data)) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Link ${link.label}: data must be an object of its extra columns`)
    }
    for (const [key, value] of Object.entries(data)) {
      const column = link.extraColumns[key]
      if (column === undefined) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `Link ${link.label} has no column '${key}'`)
      }
      const problem = extraValueProblem(column, value)
      if (problem !== undefined) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Link ${link.label}: '${key}' ${problem}`)
    }
    return data as Record<string, unknown>
  }

  private async assertExist(side: LinkSide, wanted: string[]): Promise<void> {
    const params: unknown[] = []
    const rows = await this.database.execute<{ id: string }>(
      `select "id" from "${side.linkable.model.tableName}" where ${inList("id", wanted, params)} and "deleted_at" is null`,
      params,
    )
    const found = new Set(rows.map((row) => row.id))
    const missing = wanted.filter((id) => !found.has(id))
    if (missing.length > 0) {
      throw new AgoraError(AgoraError.Types.NOT_FOUND, `${side.linkable.entity} with id: ${missing.join(", ")} was not found`)
    }
  }

  private store(link: LinkDefinition): LinkTableStore {
    const store = this.stores.get(link)
    if (!store) throw new Error(`Link ${link.label} is not loaded`)
    return store
  }
}

function single(side: LinkSide, value: unknown): string {
  if (typeof value !== "string" || value === "") {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `${side.column} must be a non-empty string`)
  }
  return value
}

function ids(side: LinkSide, value: unknown): string[] | undefined {
  if (value === undefined) return undefined
  const list = Array.isArray(value) ? value : [value]
  return list.map((id) => single(side, id))
}

function toLinkInput(link: LinkDefinition, row: LinkRow): LinkInput {
  const data: Record<string, unknown> = {}
  for (const name of Object.keys(link.extraColumns)) data[name] = row[name]
  return {
    [link.left.linkable.module]: { [link.left.column]: row[link.left.column] },
    [link.right.linkable.module]: { [link.right.column]: row[link.right.column] },
    ...(Object.keys(data).length > 0 ? { data } : {}),
  }
}
