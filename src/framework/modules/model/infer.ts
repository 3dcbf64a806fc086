import type { Model, ModelSchema } from "./model.ts"
import type { Property } from "./property.ts"
import type { Relation, RelationKind } from "./relation.ts"

type SchemaOf<M> = M extends Model<string, infer Schema> ? Schema : never

type PropertyKeys<S> = { [K in keyof S]: S[K] extends Property<unknown, boolean, unknown> ? K : never }[keyof S]
type RelationKeys<S, Kind extends RelationKind> = {
  [K in keyof S]: S[K] extends Relation<Kind, unknown, boolean> ? K : never
}[keyof S]
type OptionalKeys<S> = { [K in PropertyKeys<S>]: S[K] extends Property<unknown, true, unknown> ? K : never }[PropertyKeys<S>]
type RequiredKeys<S> = Exclude<PropertyKeys<S>, OptionalKeys<S>>

type ValueOf<P> = P extends Property<infer T, boolean, unknown> ? T : never
type InputOf<P> = P extends Property<unknown, boolean, infer I> ? I : never
type TargetOf<R> = R extends Relation<RelationKind, infer Target, boolean> ? Target : never
type NullableOf<R> = R extends Relation<RelationKind, unknown, infer N> ? N : false

type ForeignKeys<S> = {
  [K in RelationKeys<S, "belongsTo"> as `${K & string}_id`]: NullableOf<S[K]> extends true ? string | null : string
}

export type Timestamps = { created_at: Date; updated_at: Date; deleted_at: Date | null }

type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** A row of the model as services return it; relations are present when asked for. */
export type InferEntity<M> = Simplify<
  { [K in PropertyKeys<SchemaOf<M>>]: ValueOf<SchemaOf<M>[K]> } & ForeignKeys<SchemaOf<M>> & {
    [K in RelationKeys<SchemaOf<M>, "belongsTo">]?: TargetOf<SchemaOf<M>[K]> | null
  } & { [K in RelationKeys<SchemaOf<M>, "hasMany" | "manyToMany">]?: TargetOf<SchemaOf<M>[K]>[] } & Timestamps
>

type ForeignKeyInput<S> = {
  [K in RelationKeys<S, "belongsTo"> as NullableOf<S[K]> extends true ? never : `${K & string}_id`]: string
} & {
  [K in RelationKeys<S, "belongsTo"> as NullableOf<S[K]> extends true ? `${K & string}_id` : never]?: string | null
}

/** What `createXs` accepts: required columns, optional ones, foreign keys and nested relations. */
export type InferCreateInput<M> = Simplify<
  { [K in RequiredKeys<SchemaOf<M>>]: InputOf<SchemaOf<M>[K]> } & {
    [K in OptionalKeys<SchemaOf<M>>]?: InputOf<SchemaOf<M>[K]>
  } & ForeignKeyInput<SchemaOf<M>> & {
    [K in RelationKeys<SchemaOf<M>, "hasMany">]?: Record<string, unknown>[]
  } & { [K in RelationKeys<SchemaOf<M>, "manyToMany">]?: (string | { id: string })[] }
>

/** What `updateXs` accepts: the id and any column to change (hasMany children are changed on their own model). */
export type InferUpdateInput<M> = Simplify<
  { id: string } & Partial<Omit<InferCreateInput<M>, "id" | RelationKeys<SchemaOf<M>, "hasMany">>>
>

export type { ModelSchema }
