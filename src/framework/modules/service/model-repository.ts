import type { SqlEntityManager } from "@mikro-orm/sql"
import { AgoraError } from "../../errors/index.ts"
import type { Database } from "../../database/database.ts"
import { mapDatabaseError } from "../../database/map-database-error.ts"
import type { AnyModel } from "../model/index.ts"
import { generateId } from "../model/id.ts"
import { Property } from "../model/property.ts"
import { Relation } from "../model/relation.ts"
import { inverseKey, SOFT_DELETE_FILTER, toEntitySchema } from "../model/to-entity-schema.ts"
import type { EntitySchema } from "@mikro-orm/core"
import { compileSelect } from "./compile-select.ts"
import type { RecordHooks, RecordOperation } from "./record-hooks.ts"
import { insertStatement } from "./insert-statement.ts"
import { updateRowsById } from "./update-rows.ts"
import { setsColumnsOnly } from "./write-columns.ts"
import { columnsOf, dateColumnsOf, parseTimestamp, toPlain } from "./to-plain.ts"
import { toWhere } from "./to-where.ts"
import type { CreateOptions } from "./types.ts"

type Row = Record<string, unknown>
type InlineChildren = { key: string; model: AnyModel; foreignKey: string; items: Row[] }
type Config = {
  select?: string[]
  relations?: string[]
  take?: number
  skip?: number
  order?: Record<string, string>
  withDeleted?: boolean
}

/** The generated CRUD of one model, on the current unit of work's EntityManager. */
export class ModelRepository {
  readonly model: AnyModel
  readonly label: string
  private readonly database: Database
  private readonly entity: EntitySchema<Row>
  private readonly hooks: RecordHooks | undefined
  #dateColumns: string[] | undefined

  constructor(database: Database, model: AnyModel, label: string, hooks?: RecordHooks) {
    this.database = database
    this.model = model
    this.label = label
    this.entity = toEntitySchema(model)
    this.hooks = hooks
  }

  async retrieve(id: string, config: Config = {}): Promise<Row> {
    if (typeof id !== "string" || id === "") {
      throw new AgoraError(AgoraError.Types.NOT_FOUND, `${this.label} id must be a non-empty string`)
    }
    const [row] = await this.list({ id }, { ...config, take: 1, skip: 0 })
    if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `${this.label} with id: ${id} was not found`)
    return row
  }

  list(filters: Row = {}, config: Config = {}): Promise<Row[]> {
    return this.guard(async () => {
      if (config.relations?.length) {
        const entities = await this.database.em().find(this.entity, toWhere(this.model, filters), this.findOptions(config))
        return entities.map((entity) => toPlain(this.model, entity as Row, config.relations, this.selected(config)))
      }
      return this.selectRows(filters, config)
    })
  }

  listAndCount(filters: Row = {}, config: Config = {}): Promise<[Row[], number]> {
    return this.guard(async () => {
      // The ORM's entity manager only for relations, or a count no row carried.
      const count = () => this.database.em().count(this.entity, toWhere(this.model, filters), { filters: this.filterFlags(config) })
      if (config.relations?.length) {
        const [entities, total] = await this.database.em().findAndCount(this.entity, toWhere(this.model, filters), this.findOptions(config))
        return [entities.map((e) => toPlain(this.model, e as Row, config.relations, this.selected(config))), total]
      }
      // One round trip: the total rides along each row as a window count.
      const rows = await this.selectRows(filters, config, true)
      const first = rows[0]
      // No row to carry the total: past the end, or `take: 0` asked for the count alone.
      if (!first) return [[], (config.skip ?? 0) > 0 || config.take === 0 ? await count() : 0]
      const total = Number(first.__total)
      for (const row of rows) delete row.__total
      return [rows, total]
    })
  }

  create(input: Row | Row[], options: CreateOptions = {}): Promise<Row | Row[]> {
    const many = Array.isArray(input)
    const items = many ? input : [input]
    const { onlyIf } = options
    return this.guard(async () => {
      let rows: Row[]
      const manyToMany = this.linksManyToMany(items)
      if (onlyIf !== undefined && (!many || manyToMany)) {
        throw new Error(`${this.label}: onlyIf takes a list of rows without many-to-many relations`)
      }
      if (manyToMany) {
        // The pivot rows of a many-to-many are the ORM's to write.
        const em = this.database.em()
        rows = this.persistNew(em, items)
        await em.flush()
      } else {
        // Plain rows need no unit of work: one statement writes them, children included.
        const batches = new Map<AnyModel, Row[]>()
        rows = this.rowsToInsert(items, batches, new Date())
        if (batches.size > 0) {
          const { sql, params } = insertStatement(batches, onlyIf)
          const [written] = await this.database.execute<{ inserted?: number }>(sql, params)
          // Refused by its condition: nothing was written.
          if (onlyIf !== undefined && !written?.inserted) rows = []
        }
      }
      return many ? rows : (rows[0] as Row)
    })
  }

  /** Whether some item (or inline child) sets a many-to-many relation. */
  private linksManyToMany(items: Row[]): boolean {
    for (const [key, field] of Object.entries(this.model.schema)) {
      if (!(field instanceof Relation)) continue
      const { kind } = field.definition
      if (kind === "manyToMany" && items.some((item) => item[key] !== undefined)) return true
      if (kind === "hasMany") {
        const children = items.flatMap((item) => (Array.isArray(item[key]) ? (item[key] as Row[]) : []))
        if (children.length > 0 && this.repositoryOf(field.definition.target()).linksManyToMany(children)) return true
      }
    }
    return false
  }

  /** The complete rows of `items` and of their inline children, queued by model, parents first; answers them as plain rows. */
  private rowsToInsert(items: Row[], batches: Map<AnyModel, Row[]>, now: Date): Row[] {
    return items.map((item) => {
      const { row, children } = this.prepareCreate(item)
      for (const [key, field] of Object.entries(this.model.schema)) {
        if (field instanceof Relation && field.definition.kind === "belongsTo" && row[`${key}_id`] === undefined && row[key] != null) {
          const target = row[key]
          row[`${key}_id`] = typeof target === "object" ? (target as Row).id : target
        }
      }
      this.assertInsertable(row)
      row.created_at ??= now
      row.updated_at ??= now
      const plain = Object.fromEntries(columnsOf(this.model).map((column) => [column, row[column] ?? null]))
      const batch = batches.get(this.model)
      if (batch) batch.push(plain)
      else batches.set(this.model, [plain])
      for (const child of children) {
        const rows = child.items.map((childRow) => ({ ...childRow, [`${child.foreignKey}_id`]: row.id }))
        plain[child.key] = this.repositoryOf(child.model).rowsToInsert(rows, batches, now)
      }
      return plain
    })
  }

  /** What the ORM checks before it writes a new row: required values are there, enum values are allowed. */
  private assertInsertable(row: Row): void {
    for (const [key, field] of Object.entries(this.model.schema)) {
      const column = field instanceof Relation ? `${key}_id` : key
      const required = field instanceof Relation ? field.definition.kind === "belongsTo" && !field.definition.nullable : !field.definition.nullable
      const value = row[column]
      if (required && (value === undefined || value === null)) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `${this.label}: Value for ${this.model.name}.${key} is required, '${String(value)}' found`)
      }
    }
    this.assertEnumValues(row)
  }

  private assertEnumValues(row: Row): void {
    for (const [key, field] of Object.entries(this.model.schema)) {
      const value = row[key]
      if (field instanceof Property && field.definition.kind === "enum" && value != null && !field.definition.enumValues?.includes(value as string)) {
        const allowed = field.definition.enumValues?.join(", ")
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `${this.label}: ${this.model.name}.${key} must be one of ${allowed}, got '${String(value)}'`)
      }
    }
  }

  private repositoryOf(model: AnyModel): ModelRepository {
    return new ModelRepository(this.database, model, model.name, this.hooks)
  }

  /** Queues the rows (and the hasMany children given inline) for insertion; one flush writes them all. */
  private persistNew(em: SqlEntityManager, items: Row[]): Row[] {
    return items.map((item) => {
      const { row, children } = this.prepareCreate(item)
      const entity = em.create(this.entity, row) as Row
      const plain = toPlain(this.model, entity)
      for (const child of children) {
        const repository = new ModelRepository(this.database, child.model, child.model.name, this.hooks)
        const rows = child.items.map((childRow) => ({ ...childRow, [`${child.foreignKey}_id`]: entity.id }))
        plain[child.key] = repository.persistNew(em, rows)
      }
      return plain
    })
  }

  update(input: Row | Row[]): Promise<Row | Row[]> {
    return this.guard(async () => {
      const em = this.database.em()
      if (!Array.isArray(input) && "selector" in input && "data" in input) {
        const entities = await em.find(this.entity, toWhere(this.model, input.selector as Row), {
          populate: this.replacedCollections([input.data as Row]) as never,
        })
        for (const entity of entities) em.assign(entity, this.prepareUpdate(input.data as Row))
        await em.flush()
        return entities.map((entity) => toPlain(this.model, entity as Row))
      }
      const items = Array.isArray(input) ? input : [input]
      const ids = items.map((item) => item.id)
      if (ids.some((id) => typeof id !== "string")) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `${this.label}: every update needs an id`)
      }
      if (items.every((item) => setsColumnsOnly(this.model, item))) {
        const rows = await this.updateColumns(items)
        return Array.isArray(input) ? rows : (rows[0] as Row)
      }
      // Relations to replace: the ORM loads and rewrites them.
      const found = await em.find(this.entity, { id: { $in: ids } }, { populate: this.replacedCollections(items) as never })
      const byId = new Map(found.map((entity) => [(entity as Row).id, entity]))
      const missing = ids.filter((id) => !byId.has(id))
      if (missing.length > 0) {
        throw new AgoraError(AgoraError.Types.NOT_FOUND, `${this.label} with id: ${missing.join(", ")} was not found`)
      }
      for (const item of items) {
        const { id, ...changes } = item
        em.assign(byId.get(id) as object, this.prepareUpdate(changes))
      }
      await em.flush()
      const rows = items.map((item) => toPlain(this.model, byId.get(item.id) as Row))
      return Array.isArray(input) ? rows : (rows[0] as Row)
    })
  }

  /** Updates rows by id, answering the rows as written; fails with not_found, writing nothing, when an id names no row. */
  private async updateColumns(items: Row[]): Promise<Row[]> {
    const rows = items.map(({ id, ...changes }) => {
      this.assertEnumValues(changes)
      return { id: id as string, changes: this.prepareUpdate(changes) }
    })
    const written = await updateRowsById(this.database, this.model, this.label, rows, new Date())
    return written.map((row) => this.withDates(row))
  }

  delete(ids: string | string[]): Promise<void> {
    return this.guard(async () => {
      const list = Array.isArray(ids) ? ids : [ids]
      if (list.length === 0) return
      await this.withHooks("delete", list, async () => {
        await this.database.em().nativeDelete(this.entity, { id: { $in: list } }, { filters: false })
      })
    })
  }

  softDelete(ids: string | string[]): Promise<void> {
    return this.setDeletedAt(ids, new Date())
  }

  restore(ids: string | string[]): Promise<void> {
    return this.setDeletedAt(ids, null)
  }

  private setDeletedAt(ids: string | string[], deletedAt: Date | null): Promise<void> {
    return this.guard(async () => {
      const list = Array.isArray(ids) ? ids : [ids]
      if (list.length === 0) return
      await this.withHooks(deletedAt ? "softDelete" : "restore", list, async () => {
        await this.database
          .em()
          .nativeUpdate(this.entity, { id: { $in: list } }, { deleted_at: deletedAt }, { filters: false })
      })
    })
  }

  /** Runs a delete, soft delete or restore together with the hooks watching this model, in one transaction. */
  private async withHooks(operation: RecordOperation, ids: string[], write: () => Promise<void>): Promise<void> {
    const hooks = this.hooks
    if (!hooks?.watches(this.model, operation)) return write()
    const change = { model: this.model, ids, operation }
    await this.database.transaction(async () => {
      if (operation === "delete") await hooks.run(change)
      await write()
      if (operation !== "delete") await hooks.run(change)
    })
  }

  private async selectRows(filters: Row, config: Config, withTotal = false): Promise<Row[]> {
    const { sql, params } = compileSelect(this.model, filters, {
      select: this.selected(config),
      order: config.order,
      take: config.take,
      skip: config.skip,
      withDeleted: config.withDeleted,
      withTotal,
    })
    const rows = await this.database.execute<Row>(sql, params)
    for (const row of rows) this.withDates(row)
    return rows
  }

  /** A raw row carries timestamps as PostgreSQL text; services hand out Dates, as the ORM path does. */
  private withDates(row: Row): Row {
    for (const column of (this.#dateColumns ??= dateColumnsOf(this.model))) if (column in row) row[column] = parseTimestamp(row[column])
    return row
  }

  private findOptions(config: Config) {
    const select = this.selected(config)
    return {
      populate: config.relations as never,
      ...(select ? { fields: select as never } : {}),
      orderBy: this.orderOf(config) as never,
      limit: config.take,
      offset: config.skip,
      filters: this.filterFlags(config),
    }
  }

  private filterFlags(config: Config) {
    return { [SOFT_DELETE_FILTER]: !config.withDeleted }
  }

  private selected(config: Config): string[] | undefined {
    if (!config.select?.length) return undefined
    return config.select.includes("id") ? config.select : ["id", ...config.select]
  }

  private orderOf(config: Config): Record<string, "asc" | "desc"> {
    const order: Record<string, "asc" | "desc"> = {}
    for (const [key, direction] of Object.entries(config.order ?? {})) {
      order[key] = direction.toLowerCase() === "desc" ? "desc" : "asc"
    }
    if (!("id" in order)) order.id = "asc"
    return order
  }

  private prepareCreate(input: Row): { row: Row; children: InlineChildren[] } {
    const row: Row = { ...input }
    const children: InlineChildren[] = []
    for (const [key, field] of Object.entries(this.model.schema)) {
      if (field instanceof Property) {
        const definition = field.definition
        if (definition.kind === "id" && row[key] === undefined) row[key] = generateId(definition.prefix)
        else if (row[key] === undefined && definition.hasDefault) row[key] = structuredClone(definition.defaultValue)
        else if (row[key] === undefined && definition.nullable) row[key] = null
      } else if (field.definition.kind === "hasMany" && Array.isArray(row[key])) {
        children.push({ key, model: field.definition.target(), foreignKey: inverseKey(this.model, field), items: row[key] as Row[] })
        delete row[key]
      }
    }
    row.deleted_at ??= null
    return { row: this.prepareManyToMany(this.decimalsAsStrings(row)), children }
  }

  private prepareUpdate(changes: Row): Row {
    for (const [key, field] of Object.entries(this.model.schema)) {
      if (field instanceof Relation && field.definition.kind === "hasMany" && key in changes) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `${this.label}: ${key} cannot be replaced through an update`)
      }
    }
    return this.prepareManyToMany(this.decimalsAsStrings({ ...changes }))
  }

  /** bigNumber accepts a number, but reads back (and is written) as a decimal string, as its type says. */
  private decimalsAsStrings(row: Row): Row {
    for (const [key, field] of Object.entries(this.model.schema)) {
      if (field instanceof Property && field.definition.kind === "bigNumber" && typeof row[key] === "number") {
        row[key] = String(row[key])
      }
    }
    return row
  }

  /**
   * The many-to-many relations an update replaces. They are loaded first: assigning to a collection that
   * was never loaded cannot tell what to unlink (an empty list would unlink nothing).
   */
  private replacedCollections(items: Row[]): string[] {
    return Object.entries(this.model.schema)
      .filter(([key, field]) => field instanceof Relation && field.definition.kind === "manyToMany" && items.some((item) => key in item))
      .map(([key]) => key)
  }

  /** Many-to-many accepts ids or `{ id }` objects. */
  private prepareManyToMany(row: Row): Row {
    for (const [key, field] of Object.entries(this.model.schema)) {
      if (field instanceof Relation && field.definition.kind === "manyToMany" && Array.isArray(row[key])) {
        row[key] = (row[key] as unknown[]).map((item) => (typeof item === "string" ? item : (item as Row).id))
      }
    }
    return row
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      throw mapDatabaseError(error, this.label)
    }
  }
}
