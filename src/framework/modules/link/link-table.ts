import { createHash } from "node:crypto"
import { EntitySchema } from "@mikro-orm/core"
import type { EntitySchemaProperty } from "@mikro-orm/core"
import type { LinkDefinition } from "./define-link.ts"

type Row = Record<string, unknown>
type SchemaProperty = EntitySchemaProperty<unknown, Row>

/** The columns of a link table, in order: id, both sides, the extra columns, the timestamps. */
export function linkColumns(link: LinkDefinition): string[] {
  return ["id", link.left.column, link.right.column, ...Object.keys(link.extraColumns), "created_at", "updated_at", "deleted_at"]
}

/**
 * The link table as MikroORM metadata, for migrations only (links are read and written with SQL).
 * Among rows that are not soft-deleted a pair is unique, and a side the other sees as one record
 * (isList false) holds each of its records once.
 */
export function linkEntitySchema(link: LinkDefinition): EntitySchema<Row> {
  const text = (extra: Partial<SchemaProperty> = {}) => ({ type: "string", columnType: "text", ...extra }) as SchemaProperty
  const timestamp = (extra: Partial<SchemaProperty>) => ({ type: "datetime", columnType: "timestamptz", ...extra }) as SchemaProperty
  const properties: Record<string, SchemaProperty> = {
    id: text({ primary: true }),
    [link.left.column]: text(),
    [link.right.column]: text(),
  }
  for (const [name, column] of Object.entries(link.extraColumns)) {
    properties[name] = {
      type: column.columnType,
      columnType: column.columnType,
      nullable: column.nullable,
      ...(column.defaultSql !== undefined ? { defaultRaw: column.defaultSql } : {}),
    } as SchemaProperty
  }
  properties.created_at = timestamp({ defaultRaw: "now()" })
  properties.updated_at = timestamp({ defaultRaw: "now()" })
  properties.deleted_at = timestamp({ nullable: true })

  const table = link.tableName
  const unique = (columns: string[]) => {
    const name = indexName("IDX", table, ...columns, "unique")
    const list = columns.map((column) => `"${column}"`).join(", ")
    return {
      name,
      properties: columns,
      expression: `create unique index if not exists "${name}" on "${table}" (${list}) where "deleted_at" is null`,
    }
  }
  const uniques = [unique([link.left.column, link.right.column])]
  if (!link.right.isList) uniques.push(unique([link.left.column]))
  if (!link.left.isList) uniques.push(unique([link.right.column]))

  return new EntitySchema<Row>({
    name: `Link_${table}`,
    tableName: table,
    properties: properties as never,
    uniques,
    indexes: [link.left.column, link.right.column, "deleted_at"].map((column) => ({
      name: indexName("IDX", table, column),
      properties: [column],
    })),
  })
}

/** An index name within PostgreSQL's 63 characters: long ones keep their start and gain a hash. */
function indexName(...parts: string[]): string {
  const name = parts.join("_")
  if (name.length <= 63) return name
  const hash = createHash("sha1").update(name).digest("hex").slice(0, 8)
  return `${name.slice(0, 54)}_${hash}`
}
