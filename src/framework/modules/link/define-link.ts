import { isLinkable } from "../linkable.ts"
import type { Linkable } from "../linkable.ts"
import { pluralize } from "../service/plural.ts"
import { toExtraColumns } from "./extra-columns.ts"
import type { ExtraColumn, ExtraColumnInput } from "./extra-columns.ts"

const LINK_DEFINITION = Symbol.for("agora.link")

export type LinkSideInput = Linkable | { linkable: Linkable; isList?: boolean; deleteCascade?: boolean }

export type LinkOptions = {
  /**
   * A read-only link, as Medusa's: no table; the first side's `field` holds the second side's id
   * (`{ linkable: CartModule.linkable.cart, field: "customer_id" }`), and Query reads the record it
   * names as a relation of the first side (`cart.customer`). Nothing is written through it.
   */
  readOnly?: boolean
  /**
   * Shortcuts Query offers on the first side's model, as Medusa's: `{ prices: "price_set.prices" }`
   * lets `variants.prices.*` read through the link to the price set's prices.
   */
  fieldAlias?: Record<string, string>
  database?: {
    /** The link table's name; defaults to `<moduleA>_<modelA>_<moduleB>_<modelB>`. */
    table?: string
    /** Prefix of the link rows' ids; defaults to `link`. */
    idPrefix?: string
    /** Columns stored on each link, e.g. `{ required_quantity: { type: "integer", defaultValue: "1" } }`. */
    extraColumns?: Record<string, ExtraColumnInput>
  }
}

/** One end of a link. */
export type LinkSide = {
  linkable: Linkable
  /** Whether a record of the other side links to many records of this side. */
  isList: boolean
  /** Deleting a record of this side also deletes the records of the other side linked to it. */
  deleteCascade: boolean
  /** The column of the link table holding this side's id (`product_id`). */
  column: string
  /** The name under which the other side's records see this side in Query (`brand`, `sales_channels`). */
  alias: string
}

export type LinkDefinition = {
  readonly [LINK_DEFINITION]: true
  readonly left: LinkSide
  readonly right: LinkSide
  readonly tableName: string
  /** The link rows as a Query entity, with both ends as relations (`product_sales_channel`). */
  readonly entryPoint: string
  readonly idPrefix: string
  readonly extraColumns: Record<string, ExtraColumn>
  /** `product<->brand`, for messages. */
  readonly label: string
  /** Query shortcuts on the first side's model: alias name → dotted path of relations. */
  readonly fieldAlias: Readonly<Record<string, string>>
}

/** A read-only link: `from`'s `field` holds the id of a `to` record, read by Query as `from.<alias>`. */
export type ReadOnlyLinkDefinition = {
  readonly [READ_ONLY_LINK]: true
  readonly from: Linkable
  readonly field: string
  readonly to: Linkable
  /** The relation's name on `from`: the second side's `alias`, else its model's name. */
  readonly alias: string
  /** `cart.customer_id->customer`, for messages. */
  readonly label: string
}

const READ_ONLY_LINK = Symbol.for("agora.link.readOnly")

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/

/**
 * Declares a link between models of two modules; a file of `src/links` exports it by default:
 * `export default defineLink(ProductModule.linkable.product, BrandModule.linkable.brand)`.
 */
export function defineLink(
  left: { linkable: Linkable; field: string },
  right: Linkable | { linkable: Linkable; alias?: string },
  options: LinkOptions & { readOnly: true },
): ReadOnlyLinkDefinition
export function defineLink(left: LinkSideInput, right: LinkSideInput, options?: LinkOptions): LinkDefinition
export function defineLink(
  left: LinkSideInput | { linkable: Linkable; field: string },
  right: LinkSideInput | { linkable: Linkable; alias?: string },
  options: LinkOptions = {},
): LinkDefinition | ReadOnlyLinkDefinition {
  if (options.readOnly) return defineReadOnlyLink(left, right)
  const a = toSide(left as LinkSideInput, "first")
  const b = toSide(right as LinkSideInput, "second")
  const label = `${a.linkable.entity}<->${b.linkable.entity}`
  if (a.linkable.module === b.linkable.module) {
    throw new Error(`Link ${label}: both models belong to module "${a.linkable.module}"; a link joins two modules`)
  }
  if (a.column === b.column) throw new Error(`Link ${label}: both sides would use the column ${a.column}`)
  const tableName = options.database?.table ?? `${a.linkable.module}_${a.linkable.entity}_${b.linkable.module}_${b.linkable.entity}`
  if (!IDENTIFIER.test(tableName) || tableName.length > 63) {
    throw new Error(`Link ${label}: table name "${tableName}" must be a lowercase identifier of at most 63 characters`)
  }
  const idPrefix = options.database?.idPrefix ?? "link"
  if (!/^[a-z0-9]+$/.test(idPrefix)) throw new Error(`Link ${label}: idPrefix "${idPrefix}" must hold only a-z and 0-9`)
  const extraColumns = toExtraColumns(label, options.database?.extraColumns ?? {}, ["id", a.column, b.column])
  const fieldAlias = options.fieldAlias ?? {}
  for (const [name, path] of Object.entries(fieldAlias)) {
    if (!IDENTIFIER.test(name) || !/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)+$/.test(path)) {
      throw new Error(`Link ${label}: fieldAlias "${name}" must be an identifier naming a dotted path of at least two relations, got "${path}"`)
    }
  }
  return Object.freeze({
    [LINK_DEFINITION]: true as const,
    left: { ...a, alias: aliasOf(a) },
    right: { ...b, alias: aliasOf(b) },
    tableName,
    entryPoint: `${a.linkable.entity}_${b.linkable.entity}`,
    idPrefix,
    extraColumns,
    label,
    fieldAlias: Object.freeze({ ...fieldAlias }),
  })
}

function defineReadOnlyLink(left: unknown, right: unknown): ReadOnlyLinkDefinition {
  const from = left as { linkable?: unknown; field?: unknown }
  const to = (isLinkable(right) ? { linkable: right } : right) as { linkable?: unknown; alias?: unknown }
  if (!from || !isLinkable(from.linkable) || typeof from.field !== "string" || !IDENTIFIER.test(from.field)) {
    throw new Error("defineLink: a read-only link's first argument must be { linkable: Module.linkable.x, field: \"<column>\" }")
  }
  if (!to || !isLinkable(to.linkable)) {
    throw new Error("defineLink: a read-only link's second argument must be a module's linkable (Module.linkable.x) or { linkable, alias? }")
  }
  const alias = to.alias ?? to.linkable.entity
  if (typeof alias !== "string" || !IDENTIFIER.test(alias)) throw new Error(`defineLink: alias "${String(alias)}" must be a lowercase identifier`)
  return Object.freeze({
    [READ_ONLY_LINK]: true as const,
    from: from.linkable,
    field: from.field,
    to: to.linkable,
    alias,
    label: `${from.linkable.entity}.${from.field}->${to.linkable.entity}`,
  })
}

export function isReadOnlyLink(value: unknown): value is ReadOnlyLinkDefinition {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[READ_ONLY_LINK] === true
}

export function isLinkDefinition(value: unknown): value is LinkDefinition {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[LINK_DEFINITION] === true
}

/** The other side of `side` in `link`. */
export function otherSide(link: LinkDefinition, side: LinkSide): LinkSide {
  return side === link.left ? link.right : link.left
}

function toSide(input: LinkSideInput, position: string): Omit<LinkSide, "alias"> {
  const options = isLinkable(input) ? { linkable: input } : input
  if (!options || !isLinkable(options.linkable)) {
    throw new Error(`defineLink: the ${position} argument must be a module's linkable (Module.linkable.x) or { linkable, isList?, deleteCascade? }`)
  }
  return {
    linkable: options.linkable,
    isList: options.isList ?? false,
    deleteCascade: options.deleteCascade ?? false,
    column: options.linkable.foreignKey,
  }
}

/** Medusa's naming: the model's name, pluralised when the other side links to many of them. */
function aliasOf(side: Omit<LinkSide, "alias">): string {
  return side.isList ? pluralize(side.linkable.entity) : side.linkable.entity
}
