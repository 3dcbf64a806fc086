import { ArrayType, EntitySchema } from "@mikro-orm/core"
import type { EntitySchemaProperty } from "@mikro-orm/core"
import { generateId } from "./id.ts"
import type { AnyModel } from "./model.ts"
import type { AnyProperty, PropertyDefinition } from "./property.ts"
import { Relation } from "./relation.ts"
import type { AnyRelation, RelationDefinition } from "./relation.ts"

type Row = Record<string, unknown>
type SchemaProperty = EntitySchemaProperty<unknown, Row>

export const SOFT_DELETE_FILTER = "softDelete"

const schemas = new WeakMap<AnyModel, EntitySchema<Row>>()

/** The MikroORM metadata of a model, built once per model. */
export function toEntitySchema(model: AnyModel): EntitySchema<Row> {
  let schema = schemas.get(model)
  if (!schema) {
    schema = buildEntitySchema(model)
    schemas.set(model, schema)
  }
  return schema
}

function buildEntitySchema(model: AnyModel): EntitySchema<Row> {
  const properties: Record<string, SchemaProperty> = {}
  for (const [key, field] of Object.entries(model.schema)) {
    if (field instanceof Relation) Object.assign(properties, relationProperties(model, key, field))
    else properties[key] = scalarProperty((field as AnyProperty).definition)
  }
  properties.created_at = timestamp({ onCreate: () => new Date(), defaultRaw: "now()" })
  properties.updated_at = timestamp({ onCreate: () => new Date(), onUpdate: () => new Date(), defaultRaw: "now()" })
  properties.deleted_at = timestamp({ nullable: true, index: true })

  return new EntitySchema<Row>({
    name: model.name,
    tableName: model.tableName,
    properties: properties as never,
    uniques: uniqueIndexes(model),
    indexes: plainIndexes(model),
    filters: { [SOFT_DELETE_FILTER]: { name: SOFT_DELETE_FILTER, cond: { deleted_at: null }, default: true } },
  })
}

/** A deleted row must not block a new one with the same value, so unique indexes skip soft-deleted rows. */
function uniqueIndexes(model: AnyModel) {
  const single = Object.entries(model.schema)
    .filter(([, field]) => !(field instanceof Relation) && field.definition.unique && !field.definition.primaryKey)
    .map(([key]) => [key])
  const composite = model.compositeIndexes.filter((index) => index.unique).map((index) => index.on)
  return [...single, ...composite].map((columns) => {
    const name = `IDX_${model.tableName}_${columns.join("_")}_unique`
    const list = columns.map((column) => `"${column}"`).join(", ")
    return {
      name,
      properties: columns,
      expression: `create unique index if not exists "${name}" on "${model.tableName}" (${list}) where "deleted_at" is null`,
    }
  })
}

function plainIndexes(model: AnyModel) {
  return model.compositeIndexes
    .filter((index) => !index.unique)
    .map((index) => ({ name: `IDX_${model.tableName}_${index.on.join("_")}`, properties: index.on }))
}

function timestamp(extra: Partial<SchemaProperty>): SchemaProperty {
  return { type: "datetime", columnType: "timestamptz", ...extra } as SchemaProperty
}

const COLUMN_TYPES: Record<Exclude<PropertyDefinition["kind"], "enum" | "array">, { type: string; columnType: string }> = {
  id: { type: "string", columnType: "text" },
  text: { type: "string", columnType: "text" },
  number: { type: "integer", columnType: "integer" },
  bigNumber: { type: "decimal", columnType: "numeric" },
  boolean: { type: "boolean", columnType: "boolean" },
  dateTime: { type: "datetime", columnType: "timestamptz" },
  json: { type: "json", columnType: "jsonb" },
}

function scalarProperty(definition: PropertyDefinition): SchemaProperty {
  const common = {
    nullable: definition.nullable,
    // Uniqueness holds among rows that are not soft-deleted: see uniqueIndexes().
    index: definition.index,
    primary: definition.primaryKey,
    ...databaseDefault(definition),
  }
  if (definition.kind === "enum") {
    return { enum: true, items: [...(definition.enumValues ?? [])], ...common } as SchemaProperty
  }
  if (definition.kind === "array") {
    return { type: ArrayType, columnType: "text[]", ...common } as SchemaProperty
  }
  const { type, columnType } = COLUMN_TYPES[definition.kind]
  const prefix = definition.prefix
  const onCreate = definition.kind === "id" ? { onCreate: (row: Row) => row.id ?? generateId(prefix) } : {}
  return { type, columnType, ...onCreate, ...common } as SchemaProperty
}

function databaseDefault(definition: PropertyDefinition): Partial<SchemaProperty> {
  if (!definition.hasDefault || definition.defaultValue === null) return {}
  const value = definition.defaultValue
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return { default: value } as Partial<SchemaProperty>
  }
  return {}
}

function relationProperties(model: AnyModel, key: string, relation: AnyRelation): Record<string, SchemaProperty> {
  const definition = relation.definition
  const target = () => toEntitySchema(definition.target())
  switch (definition.kind) {
    case "belongsTo":
      // The foreign key reads and writes as a plain id (`post_id`); `post` loads the row on request.
      return {
        [`${key}_id`]: {
          kind: "m:1",
          entity: target,
          mapToPk: true,
          fieldName: `${key}_id`,
          nullable: definition.nullable,
          index: true,
          deleteRule: definition.nullable ? "set null" : "cascade",
        } as SchemaProperty,
        [key]: {
          kind: "m:1",
          entity: target,
          joinColumn: `${key}_id`,
          nullable: definition.nullable,
          persist: false,
          ...(definition.mappedBy ? { inversedBy: definition.mappedBy } : {}),
        } as SchemaProperty,
      }
    case "hasMany":
      return {
        [key]: { kind: "1:m", entity: target, mappedBy: inverseKey(model, relation) } as SchemaProperty,
      }
    case "manyToMany":
      if (definition.mappedBy && isOwnedByOtherSide(model, key, definition)) {
        return { [key]: { kind: "m:n", entity: target, mappedBy: definition.mappedBy } as SchemaProperty }
      }
      return {
        [key]: {
          kind: "m:n",
          entity: target,
          owner: true,
          pivotTable: definition.pivotTable ?? `${model.tableName}_${key}`,
          ...(definition.mappedBy ? { inversedBy: definition.mappedBy } : {}),
        } as SchemaProperty,
      }
  }
}

/** The name of the belongsTo on a hasMany's target that points back at `model`. */
export function inverseKey(model: AnyModel, relation: AnyRelation): string {
  const definition = relation.definition
  if (definition.mappedBy) return definition.mappedBy
  const target = definition.target()
  for (const [key, field] of Object.entries(target.schema)) {
    if (field instanceof Relation && field.definition.kind === "belongsTo" && field.definition.target().name === model.name) {
      return key
    }
  }
  throw new Error(`${model.name}: hasMany(${target.name}) needs a belongsTo on ${target.name} pointing back, or { mappedBy }`)
}

/** Of two manyToMany sides that name each other, the one that does not set pivotTable is the inverse. */
function isOwnedByOtherSide(model: AnyModel, key: string, definition: RelationDefinition): boolean {
  const other = definition.target().schema[definition.mappedBy ?? ""]
  if (!(other instanceof Relation) || other.definition.kind !== "manyToMany") return false
  if (definition.pivotTable) return false
  if (other.definition.pivotTable) return true
  return model.name > definition.target().name || (model.name === definition.target().name && key > (definition.mappedBy ?? ""))
}
