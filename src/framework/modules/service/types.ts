export type OperatorMap<T> = {
  $eq?: T | null
  $ne?: T | null
  $in?: T[]
  $nin?: T[]
  $lt?: T
  $lte?: T
  $gt?: T
  $gte?: T
  $like?: string
  $ilike?: string
}

type FilterValue<T> = T extends Date ? Date | string : T

/** Filters of a list: equality, arrays (IN), operator maps, `$and`/`$or`, and `q` (free text). */
export type Filters<Entity> = {
  // Nullable json and array columns are no more filterable than required ones, hence NonNullable.
  [K in keyof Entity]?: NonNullable<Entity[K]> extends readonly unknown[] | Record<string, unknown>
    ? never
    : FilterValue<Entity[K]> | FilterValue<NonNullable<Entity[K]>>[] | OperatorMap<FilterValue<NonNullable<Entity[K]>>>
} & {
  $and?: Filters<Entity>[]
  $or?: Filters<Entity>[]
  q?: string
}

export type OrderDirection = "ASC" | "DESC" | "asc" | "desc"

export type FindConfig<Entity> = {
  /** Columns to return (`id` is always included). */
  select?: (keyof Entity & string)[]
  /** Relations to load, dotted for nested ones (`"variants.options"`). */
  relations?: string[]
  take?: number
  skip?: number
  order?: { [K in keyof Entity]?: OrderDirection }
  /** Include soft-deleted rows. */
  withDeleted?: boolean
}

/** Options of a generated create. */
export type CreateOptions = {
  /**
   * A condition (SQL with `?` placeholders, and its values) the rows are written under, checked in
   * the insert's own statement: when it is false nothing is written, and the create answers no rows.
   * For a list of rows without many-to-many relations.
   */
  onlyIf?: SqlCondition
}

/** A SQL condition with `?` placeholders, and its values in order. */
export type SqlCondition = { sql: string; params: unknown[] }
