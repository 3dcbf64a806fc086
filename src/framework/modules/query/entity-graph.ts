import type { MikroORM } from "@mikro-orm/postgresql"
import type { LinkDefinition } from "../link/define-link.ts"
import { linkColumns } from "../link/link-table.ts"
import type { LinkRegistry } from "../link/link-registry.ts"
import type { AnyModel } from "../model/index.ts"
import { Property } from "../model/property.ts"
import { Relation } from "../model/relation.ts"
import { inverseKey, toEntitySchema } from "../model/to-entity-schema.ts"
import { columnsOf } from "../service/to-plain.ts"
import { searchableColumns } from "../service/to-where.ts"

/** How a column's value is read: as is, as a Date, or as a decimal string. */
export type ColumnKind = "plain" | "date" | "decimal"

/**
 * How an entity reaches a related one. `column`: this row's column holds the target's id
 * (belongsTo). `reverse`: the target's column holds this row's id (hasMany). `through`: rows of a
 * join table (a many-to-many's pivot, or a link table) pair this row's id with the target's.
 */
export type RelationPath =
  | { kind: "column"; column: string; targetKey: string }
  | { kind: "reverse"; column: string; parentKey: string }
  | { kind: "through"; table: string; from: string; to: string; softDeletes: boolean; parentKey: string; targetKey: string }
  /** A link's `fieldAlias`: several relations walked in turn (`prices` = `price_set` then `prices`). */
  | { kind: "alias"; hops: readonly { relation: GraphRelation; entity: GraphEntity }[] }

export type GraphRelation = { name: string; target: string; list: boolean; path: RelationPath }

/** A filter key standing for the far side of a link (`sales_channel_id` on product). */
export type LinkKeyFilter = { table: string; from: string; to: string }

export type GraphEntity = {
  name: string
  table: string
  /** The primary key column: `id`, or the model's own (a country's `iso_2`). */
  primaryKey: string
  columns: Map<string, ColumnKind>
  searchable: string[]
  relations: Map<string, GraphRelation>
  linkKeys: Map<string, LinkKeyFilter>
}

/** Every entity Query can read: each module's models and each link's rows, with their relations. */
export class EntityGraph {
  private readonly entities = new Map<string, GraphEntity>()

  constructor(models: AnyModel[], links: LinkRegistry, orm: MikroORM) {
    for (const model of models) this.entities.set(model.name, modelEntity(model, orm))
    for (const link of links.links) {
      this.entities.set(link.entryPoint, linkEntity(link))
      for (const { side, other } of [
        { side: link.left, other: link.right },
        { side: link.right, other: link.left },
      ]) {
        const entity = this.entities.get(side.linkable.entity)
        if (!entity) continue
        const keys = { parentKey: side.linkable.primaryKey, targetKey: other.linkable.primaryKey }
        const path = { kind: "through", table: link.tableName, from: side.column, to: other.column, softDeletes: true, ...keys } as const
        entity.relations.set(other.alias, { name: other.alias, target: other.linkable.entity, list: other.isList, path })
        entity.relations.set(`${other.linkable.entity}_link`, {
          name: `${other.linkable.entity}_link`,
          target: link.entryPoint,
          list: other.isList,
          path: { kind: "reverse", column: side.column, parentKey: side.linkable.primaryKey },
        })
        entity.linkKeys.set(other.column, { table: link.tableName, from: side.column, to: other.column })
      }
    }
    for (const link of links.readOnlyLinks) {
      const path = { kind: "column", column: link.field, targetKey: link.to.primaryKey } as const
      this.entities.get(link.from.entity)?.relations.set(link.alias, { name: link.alias, target: link.to.entity, list: false, path })
    }
    for (const link of links.links) {
      for (const [name, path] of Object.entries(link.fieldAlias)) this.#addAlias(link.left.linkable.entity, name, path, link.label)
    }
  }

  #addAlias(entityName: string, name: string, path: string, label: string): void {
    const entity = this.entities.get(entityName)
    if (entity === undefined) return
    if (entity.columns.has(name) || entity.relations.has(name)) throw new Error(`Link ${label}: fieldAlias "${name}" is already a field of ${entityName}`)
    const hops: { relation: GraphRelation; entity: GraphEntity }[] = []
    let current = entity
    for (const step of path.split(".")) {
      const relation = current.relations.get(step)
      const next = relation === undefined ? undefined : this.entities.get(relation.target)
      // A relation of a module that is not loaded: the alias is inactive, as its link would be.
      if (relation === undefined || next === undefined) return
      hops.push({ relation, entity: next })
      current = next
    }
    const list = hops.some((hop) => hop.relation.list)
    entity.relations.set(name, { name, target: current.name, list, path: { kind: "alias", hops } })
  }

  get(name: string): GraphEntity | undefined {
    return this.entities.get(name)
  }

  names(): string[] {
    return [...this.entities.keys()]
  }
}

function modelEntity(model: AnyModel, orm: MikroORM): GraphEntity {
  const columns = new Map<string, ColumnKind>()
  for (const column of columnsOf(model)) columns.set(column, "plain")
  for (const column of ["created_at", "updated_at", "deleted_at"]) columns.set(column, "date")
  const relations = new Map<string, GraphRelation>()
  const metadata = orm.getMetadata().find(toEntitySchema(model) as never)
  for (const [key, field] of Object.entries(model.schema)) {
    if (field instanceof Property) {
      if (field.definition.kind === "dateTime") columns.set(key, "date")
      if (field.definition.kind === "bigNumber") columns.set(key, "decimal")
      continue
    }
    const targetModel = field.definition.target()
    const target = targetModel.name
    switch (field.definition.kind) {
      case "belongsTo":
        relations.set(key, { name: key, target, list: false, path: { kind: "column", column: `${key}_id`, targetKey: primaryKeyOf(targetModel) } })
        break
      case "hasMany": {
        const path = { kind: "reverse", column: `${inverseKey(model, field)}_id`, parentKey: primaryKeyOf(model) } as const
        relations.set(key, { name: key, target, list: true, path })
        break
      }
      case "manyToMany": {
        const property = metadata?.properties[key as never] as { pivotTable?: string; joinColumns?: string[]; inverseJoinColumns?: string[] } | undefined
        const from = property?.joinColumns?.[0]
        const to = property?.inverseJoinColumns?.[0]
        if (!property?.pivotTable || !from || !to) throw new Error(`Query: cannot find the join table of ${model.name}.${key}`)
        const keys = { parentKey: primaryKeyOf(model), targetKey: primaryKeyOf(targetModel) }
        relations.set(key, { name: key, target, list: true, path: { kind: "through", table: property.pivotTable, from, to, softDeletes: false, ...keys } })
        break
      }
    }
  }
  const primaryKey = primaryKeyOf(model)
  return { name: model.name, table: model.tableName, primaryKey, columns, searchable: searchableColumns(model), relations, linkKeys: new Map() }
}

function primaryKeyOf(model: AnyModel): string {
  const key = Object.entries(model.schema).find(([, field]) => field instanceof Property && field.definition.primaryKey)?.[0]
  return key ?? "id"
}

function linkEntity(link: LinkDefinition): GraphEntity {
  const columns = new Map<string, ColumnKind>()
  for (const column of linkColumns(link)) {
    const type = link.extraColumns[column]?.type
    const date = type === "datetime" || ["created_at", "updated_at", "deleted_at"].includes(column)
    columns.set(column, date ? "date" : type === "decimal" ? "decimal" : "plain")
  }
  const relations = new Map<string, GraphRelation>()
  for (const side of [link.left, link.right]) {
    const name = side.linkable.entity
    relations.set(name, { name, target: name, list: false, path: { kind: "column", column: side.column, targetKey: side.linkable.primaryKey } })
  }
  return { name: link.entryPoint, table: link.tableName, primaryKey: "id", columns, searchable: [], relations, linkKeys: new Map() }
}
