import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"

type Row = Record<string, unknown>

/**
 * Relations and columns Medusa's admin product has that this catalog does not keep (types,
 * collections, tags, images, categories, shipping profiles): asked for, they come back empty.
 */
const UNMODELED: Record<string, () => unknown> = {
  type: () => null,
  type_id: () => null,
  collection: () => null,
  collection_id: () => null,
  tags: () => [],
  images: () => [],
  categories: () => [],
  shipping_profile: () => null,
}

const PRICE_RULE_FIELDS = ["price_rules.attribute", "price_rules.value"]

/** The Query fields behind requested product or variant fields, and what to add to the answer. */
export type ReadPlan = { fields: string[]; unmodeled: string[] }

/**
 * Medusa's admin field names as Query reads them: a variant's `inventory_items` are its link rows
 * (`inventory_item_link`, the item under `inventory`), its prices need their rules to flatten them,
 * and the product relations this catalog does not keep are left to `shapeProduct`.
 */
export function planProductRead(fields: string[]): ReadPlan {
  const unmodeled = new Set<string>()
  const kept: string[] = []
  for (const field of fields) {
    const head = field.split(".")[0]!
    if (head in UNMODELED) unmodeled.add(head)
    else kept.push(field)
  }
  return { fields: variantFields(kept, "variants."), unmodeled: [...unmodeled] }
}

export function planVariantRead(fields: string[]): ReadPlan {
  return { fields: variantFields(fields, ""), unmodeled: [] }
}

function variantFields(fields: string[], prefix: string): string[] {
  const result = new Set<string>()
  for (const field of fields) {
    if (!field.startsWith(prefix)) {
      result.add(field)
      continue
    }
    const path = field.slice(prefix.length)
    if (path === "inventory_items" || path.startsWith("inventory_items.")) {
      result.add(prefix + inventoryLinkField(path))
    } else if (path === "prices" || path.startsWith("prices.")) {
      // `variant_id` and `rules` are added to each price when shaping; the rules are read to build them.
      if (path === "prices.variant_id" || path === "prices.rules") result.add(`${prefix}prices.id`)
      else result.add(field)
      for (const rule of PRICE_RULE_FIELDS) result.add(`${prefix}prices.${rule}`)
    } else {
      result.add(field)
    }
  }
  return [...result]
}

/** `inventory_items.inventory.sku` → `inventory_item_link.inventory_item.sku`; `variant_id` is the link's `product_variant_id`. */
function inventoryLinkField(path: string): string {
  const [, ...rest] = path.split(".")
  const mapped = rest.map((segment, index) => {
    if (index === 0 && segment === "inventory") return "inventory_item"
    if (index === 0 && segment === "variant_id") return "product_variant_id"
    return segment
  })
  return ["inventory_item_link", ...mapped].join(".")
}

/** A product as the admin API answers it: variants shaped, unkept relations empty. */
export function shapeProduct(product: Row, plan: ReadPlan): Row {
  const shaped: Row = { ...product }
  for (const name of plan.unmodeled) shaped[name] = UNMODELED[name]!()
  if (Array.isArray(product.variants)) shaped.variants = product.variants.map((variant: Row) => shapeVariant(variant))
  return shaped
}

/**
 * A variant as the admin API answers it: prices with their rules flattened (`{ region_id }`) and
 * amounts as numbers, inventory items as `{ inventory_item_id, variant_id, required_quantity, inventory }`.
 */
export function shapeVariant(variant: Row): Row {
  const { inventory_item_link: links, ...shaped } = variant
  if (Array.isArray(variant.prices)) shaped.prices = variant.prices.map((price: Row) => shapePrice(price, String(variant.id)))
  if (Array.isArray(links)) {
    shaped.inventory_items = links.map(({ product_variant_id, inventory_item, ...link }: Row) => ({
      ...link,
      ...(product_variant_id === undefined ? {} : { variant_id: product_variant_id }),
      ...(inventory_item === undefined ? {} : { inventory: inventory_item }),
    }))
  }
  return shaped
}

const PRICE_KEYS = ["id", "amount", "currency_code", "min_quantity", "max_quantity", "created_at", "updated_at"]

function shapePrice(price: Row, variantId: string): Row {
  const shaped: Row = {}
  for (const key of PRICE_KEYS) if (key in price) shaped[key] = price[key]
  if (typeof price.amount === "string") shaped.amount = Number(price.amount)
  shaped.variant_id = variantId
  const rules = Array.isArray(price.price_rules) ? (price.price_rules as { attribute: string; value: string }[]) : []
  shaped.rules = Object.fromEntries(rules.map((rule) => [rule.attribute, rule.value]))
  return shaped
}

/** Refuses product fields Query cannot read, before a write (see `checkFieldsReadable`). */
export function checkProductFields(scope: AwilixContainer, fields: string[]): void {
  checkFieldsReadable(scope, "product", planProductRead(fields).fields)
}

/** Reads one product in the admin shape; not_found when there is none. */
export async function retrieveProduct(scope: AwilixContainer, id: string, fields: string[]): Promise<Row> {
  const plan = planProductRead(fields)
  const { data } = await scope.resolve<Query>("query").graph({ entity: "product", fields: plan.fields, filters: { id }, pagination: { take: 1 } })
  const product = data[0]
  if (!product) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Product with id: ${id} was not found`)
  return shapeProduct(product, plan)
}

/** Reads one variant of a product in the admin shape; not_found when the product has no such variant. */
export async function retrieveVariant(scope: AwilixContainer, productId: string, variantId: string, fields: string[]): Promise<Row> {
  const plan = planVariantRead(fields)
  const { data } = await scope.resolve<Query>("query").graph({
    entity: "product_variant",
    fields: plan.fields,
    filters: { id: variantId, product_id: productId },
    pagination: { take: 1 },
  })
  const variant = data[0]
  if (!variant) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Variant with id: ${variantId} was not found`)
  return shapeVariant(variant)
}
