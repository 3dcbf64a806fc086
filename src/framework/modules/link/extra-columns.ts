export type ExtraColumnType = "text" | "string" | "integer" | "bigint" | "boolean" | "json" | "datetime" | "decimal"

export type ExtraColumnInput = {
  type: ExtraColumnType
  nullable?: boolean
  /** The database default, as Medusa writes it (`"1"`, `"true"`, `"now()"` for a datetime). */
  defaultValue?: string | number | boolean
}

export type ExtraColumn = {
  type: ExtraColumnType
  nullable: boolean
  /** The default as SQL, checked against the type; undefined when there is none. */
  defaultSql: string | undefined
  /** The column type in PostgreSQL. */
  columnType: string
}

const COLUMN_TYPES: Record<ExtraColumnType, string> = {
  text: "text",
  string: "text",
  integer: "integer",
  bigint: "bigint",
  boolean: "boolean",
  json: "jsonb",
  datetime: "timestamptz",
  decimal: "numeric",
}

const RESERVED = ["created_at", "updated_at", "deleted_at"]

/** Checks a link's extra columns: identifiers, known types, defaults that fit the type. */
export function toExtraColumns(
  label: string,
  input: Record<string, ExtraColumnInput>,
  taken: string[],
): Record<string, ExtraColumn> {
  const columns: Record<string, ExtraColumn> = {}
  for (const [name, column] of Object.entries(input)) {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Link ${label}: extra column "${name}" must be a lowercase identifier`)
    if ([...taken, ...RESERVED].includes(name)) throw new Error(`Link ${label}: extra column "${name}" is already a column of the link`)
    const columnType = COLUMN_TYPES[column.type]
    if (!columnType) throw new Error(`Link ${label}: extra column "${name}" has unknown type "${String(column.type)}"`)
    columns[name] = {
      type: column.type,
      nullable: column.nullable ?? false,
      defaultSql: column.defaultValue === undefined ? undefined : defaultSql(label, name, column.type, String(column.defaultValue)),
      columnType,
    }
  }
  return columns
}

function defaultSql(label: string, name: string, type: ExtraColumnType, value: string): string {
  const fail = () => new Error(`Link ${label}: default "${value}" of extra column "${name}" is not a valid ${type}`)
  switch (type) {
    case "integer":
    case "bigint":
      if (!/^-?\d+$/.test(value)) throw fail()
      return value
    case "decimal":
      if (!/^-?\d+(\.\d+)?$/.test(value)) throw fail()
      return value
    case "boolean":
      if (value !== "true" && value !== "false") throw fail()
      return value
    case "datetime":
      if (value === "now()") return value
      if (Number.isNaN(Date.parse(value))) throw fail()
      return quote(value)
    case "json":
      try {
        JSON.parse(value)
      } catch {
        throw fail()
      }
      return quote(value)
    default:
      return quote(value)
  }
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`
}

/** Why a value cannot be stored in an extra column, or undefined when it can. */
export function extraValueProblem(column: ExtraColumn, value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (value === null) return column.nullable ? undefined : "must not be null"
  switch (column.type) {
    case "integer":
    case "bigint":
      return Number.isSafeInteger(value) || (typeof value === "string" && /^-?\d+$/.test(value)) ? undefined : "must be a whole number"
    case "decimal":
      return (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value))
        ? undefined
        : "must be a number"
    case "boolean":
      return typeof value === "boolean" ? undefined : "must be true or false"
    case "datetime":
      return value instanceof Date || (typeof value === "string" && !Number.isNaN(Date.parse(value))) ? undefined : "must be a date"
    case "json":
      return undefined
    default:
      return typeof value === "string" ? undefined : "must be a string"
  }
}
