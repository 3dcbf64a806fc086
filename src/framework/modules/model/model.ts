import { Property } from "./property.ts"
import type { AnyProperty } from "./property.ts"
import { Relation } from "./relation.ts"
import type { AnyRelation, ManyToManyOptions, RelatedRecord, RelationOptions } from "./relation.ts"

export type ModelSchema = Record<string, AnyProperty | AnyRelation>

export type ModelIndex = { on: string[]; unique?: boolean }

/** A data model: a table, its columns and its relations, defined once and typed from the definition. */
export class Model<Name extends string, Schema extends ModelSchema> {
  readonly name: Name
  readonly tableName: string
  readonly schema: Schema
  readonly compositeIndexes: ModelIndex[]

  constructor(name: Name, schema: Schema, tableName: string = name, compositeIndexes: ModelIndex[] = []) {
    this.name = name
    this.schema = schema
    this.tableName = tableName
    this.compositeIndexes = compositeIndexes
  }

  /** Indexes over several columns, e.g. `.indexes([{ on: ["provider", "entity_id"], unique: true }])`. */
  indexes(indexes: ModelIndex[]): Model<Name, Schema> {
    return new Model(this.name, this.schema, this.tableName, [...this.compositeIndexes, ...indexes])
  }
}

export type AnyModel = Model<string, ModelSchema>

type DefineName<Name extends string> = Name | { name: Name; tableName: string }

function define<Name extends string, Schema extends ModelSchema>(
  name: DefineName<Name>,
  schema: Schema,
): Model<Name, Schema> {
  if (typeof name === "string") return new Model(name, schema)
  return new Model(name.name, schema, name.tableName)
}

function relation(kind: "hasMany" | "belongsTo" | "manyToMany", target: () => AnyModel, options: ManyToManyOptions) {
  return {
    kind,
    target,
    mappedBy: options.mappedBy,
    pivotTable: options.pivotTable,
    nullable: false,
    owner: kind === "belongsTo",
  }
}

/** The model DSL: `model.define("brand", { id: model.id({ prefix: "brand" }).primaryKey(), ... })`. */
export const model = {
  define,
  id: (options: { prefix?: string } = {}) => new Property<string, true>("id", { prefix: options.prefix }),
  text: () => new Property<string>("text"),
  /** A whole number (integer column). */
  number: () => new Property<number>("number"),
  /** An exact decimal: stored as numeric, read back as a decimal string so no precision is lost. */
  bigNumber: () => new Property<string, false, string | number>("bigNumber"),
  boolean: () => new Property<boolean>("boolean"),
  dateTime: () => new Property<Date, false, Date | string>("dateTime"),
  json: <T extends Record<string, unknown> = Record<string, unknown>>() => new Property<T>("json"),
  enum: <const Values extends readonly [string, ...string[]]>(values: Values) =>
    new Property<Values[number]>("enum", { enumValues: values }),
  array: () => new Property<string[]>("array"),
  hasMany: <Target = RelatedRecord>(target: () => AnyModel, options: RelationOptions = {}) =>
    new Relation<"hasMany", NoInfer<Target>>(relation("hasMany", target, options)),
  belongsTo: <Target = RelatedRecord>(target: () => AnyModel, options: RelationOptions = {}) =>
    new Relation<"belongsTo", NoInfer<Target>>(relation("belongsTo", target, options)),
  manyToMany: <Target = RelatedRecord>(target: () => AnyModel, options: ManyToManyOptions = {}) =>
    new Relation<"manyToMany", NoInfer<Target>>(relation("manyToMany", target, options)),
}
