import type { Database } from "../../database/database.ts"
import type { Linkable } from "../linkable.ts"
import type { AnyModel } from "../model/index.ts"
import { Relation } from "../model/relation.ts"
import { inverseKey } from "../model/to-entity-schema.ts"
import { pluralize } from "../service/plural.ts"
import type { RecordChange, RecordHooks } from "../service/record-hooks.ts"
import type { LinkDefinition } from "./define-link.ts"
import type { LinkRegistry } from "./link-registry.ts"
import { inList, LinkTableStore, unique } from "./link-table-store.ts"

type ResolveService = (moduleKey: string) => unknown

/** A hasMany whose children the database deletes with their parent (their foreign key cascades). */
type CascadingChildren = { model: AnyModel; column: string }

/**
 * Keeps links in step with their records. Removing a record's links (on delete or soft delete)
 * also removes, through their own module's service, the records of the other side when this side
 * has `deleteCascade`; restoring does the reverse.
 */
export class LinkCascade {
  private readonly registry: LinkRegistry
  private readonly stores: Map<LinkDefinition, LinkTableStore>
  private readonly resolveService: ResolveService
  private readonly database: Database

  constructor(registry: LinkRegistry, stores: Map<LinkDefinition, LinkTableStore>, database: Database, resolveService: ResolveService) {
    this.registry = registry
    this.stores = stores
    this.database = database
    this.resolveService = resolveService
  }

  /** Registers the hooks that run when a generated service deletes, soft-deletes or restores records. */
  watch(hooks: RecordHooks, models: AnyModel[]): void {
    for (const model of models) {
      if (this.registry.endsOf(model.name).length > 0) hooks.on(model.name, (change) => this.onChange(change))
      else if (this.linkedDescendants(model).length > 0) hooks.on(model.name, (change) => this.onChange(change), ["delete"])
    }
  }

  async remove(entity: string, ids: string[], operation: "delete" | "softDelete"): Promise<void> {
    if (ids.length === 0) return
    for (const { link, side, other } of this.registry.endsOf(entity)) {
      const rows = await this.store(link).removeFor(side, ids, operation)
      if (!side.deleteCascade) continue
      await this.callService(other.linkable, operation, unique(rows.map((row) => String(row[other.column]))))
    }
  }

  async restore(entity: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return
    for (const { link, side, other } of this.registry.endsOf(entity)) {
      const rows = await this.store(link).restoreFor(side, ids)
      if (!side.deleteCascade) continue
      await this.callService(other.linkable, "restore", unique(rows.map((row) => String(row[other.column]))))
    }
  }

  private async onChange(change: RecordChange): Promise<void> {
    const { model, ids, operation } = change
    if (operation === "restore") return this.restore(model.name, ids)
    await this.remove(model.name, ids, operation)
    // The database deletes the children with their parent: their links go with them.
    if (operation === "delete") await this.removeDescendants(model, ids)
  }

  private async removeDescendants(model: AnyModel, ids: string[]): Promise<void> {
    for (const child of this.linkedDescendants(model)) {
      const params: unknown[] = []
      const rows = await this.database.execute<{ id: string }>(
        `select "id" from "${child.model.tableName}" where ${inList(child.column, ids, params)}`,
        params,
      )
      const childIds = rows.map((row) => row.id)
      if (childIds.length === 0) continue
      await this.remove(child.model.name, childIds, "delete")
      await this.removeDescendants(child.model, childIds)
    }
  }

  /** The hasMany children deleted with `model` that have links, or children of their own that do. */
  private linkedDescendants(model: AnyModel, seen = new Set<string>()): CascadingChildren[] {
    if (seen.has(model.name)) return []
    seen.add(model.name)
    const children: CascadingChildren[] = []
    for (const field of Object.values(model.schema)) {
      if (!(field instanceof Relation) || field.definition.kind !== "hasMany") continue
      const target = field.definition.target()
      const back = target.schema[inverseKey(model, field)]
      if (!(back instanceof Relation) || back.definition.nullable) continue
      const linked = this.registry.endsOf(target.name).length > 0 || this.linkedDescendants(target, seen).length > 0
      if (linked) children.push({ model: target, column: `${inverseKey(model, field)}_id` })
    }
    return children
  }

  private async callService(linkable: Linkable, operation: "delete" | "softDelete" | "restore", ids: string[]): Promise<void> {
    if (ids.length === 0) return
    const service = this.resolveService(linkable.module) as Record<string, unknown>
    const name = `${operation}${pluralize(linkable.methodSuffix)}`
    const method = service[name]
    if (typeof method !== "function") {
      throw new Error(`Module "${linkable.module}" has no method ${name} to cascade a link's deletion`)
    }
    await (method as (ids: string[]) => Promise<unknown>).call(service, ids)
  }

  private store(link: LinkDefinition): LinkTableStore {
    const store = this.stores.get(link)
    if (!store) throw new Error(`Link ${link.label} is not loaded`)
    return store
  }
}
