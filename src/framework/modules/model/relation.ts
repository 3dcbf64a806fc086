import type { AnyModel } from "./model.ts"

export type RelationKind = "hasMany" | "belongsTo" | "manyToMany"

/** What a related row looks like when its model's type is not spelled out. */
export type RelatedRecord = { id: string; [field: string]: unknown }

export type RelationDefinition = {
  kind: RelationKind
  target: () => AnyModel
  mappedBy: string | undefined
  nullable: boolean
  pivotTable: string | undefined
  owner: boolean
}

export type RelationOptions = {
  /** The property on the other model that points back here. */
  mappedBy?: string
}

export type ManyToManyOptions = RelationOptions & {
  /** Name of the join table; defaults to `<model>_<property>`. */
  pivotTable?: string
}

/**
 * A relation to another model. `Target` types the related rows; it defaults to a loose record
 * because two models that point at each other cannot infer each other's types (name the type
 * explicitly, e.g. `model.hasMany<Comment>(() => CommentModel)`, where one is wanted).
 */
export class Relation<Kind extends RelationKind, Target, Nullable extends boolean = false> {
  declare readonly $kind: Kind
  declare readonly $target: Target
  declare readonly $nullable: Nullable
  readonly definition: RelationDefinition

  constructor(definition: RelationDefinition) {
    this.definition = definition
  }

  nullable(): Relation<Kind, Target, true> {
    return new Relation({ ...this.definition, nullable: true })
  }
}

export type AnyRelation = Relation<RelationKind, unknown, boolean>
