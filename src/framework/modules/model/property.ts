export type PropertyKind =
  | "id"
  | "text"
  | "number"
  | "bigNumber"
  | "boolean"
  | "dateTime"
  | "json"
  | "enum"
  | "array"

export type PropertyDefinition = {
  kind: PropertyKind
  nullable: boolean
  defaultValue: unknown
  hasDefault: boolean
  unique: boolean
  index: boolean
  primaryKey: boolean
  /** `model.id({ prefix })`: ids are `<prefix>_<ULID>`. */
  prefix?: string
  enumValues?: readonly string[]
  /** Text columns searched by `q`. */
  searchable: boolean
}

/**
 * One scalar column. `T` is the value read back, `Input` what create/update accept, and `Optional`
 * whether create may omit it (it is nullable, has a default, or is generated).
 */
export class Property<T, Optional extends boolean = false, Input = T> {
  declare readonly $type: T
  declare readonly $input: Input
  declare readonly $optional: Optional
  readonly definition: PropertyDefinition

  constructor(kind: PropertyKind, extra: Partial<PropertyDefinition> = {}) {
    this.definition = {
      kind,
      nullable: false,
      defaultValue: undefined,
      hasDefault: false,
      unique: false,
      index: false,
      primaryKey: false,
      searchable: false,
      ...extra,
    }
  }

  nullable(): Property<T | null, true, Input | null> {
    return this.with({ nullable: true }) as Property<T | null, true, Input | null>
  }

  default(value: T): Property<T, true, Input> {
    return this.with({ hasDefault: true, defaultValue: value }) as Property<T, true, Input>
  }

  unique(): this {
    return this.with({ unique: true })
  }

  index(): this {
    return this.with({ index: true })
  }

  primaryKey(): this {
    return this.with({ primaryKey: true })
  }

  /** Makes a text column part of the `q` free-text search of list methods. */
  searchable(): this {
    return this.with({ searchable: true })
  }

  private with(change: Partial<PropertyDefinition>): this {
    const copy = Object.create(Object.getPrototypeOf(this)) as this
    Object.assign(copy, { definition: { ...this.definition, ...change } })
    return copy
  }
}

export type AnyProperty = Property<unknown, boolean, unknown>
