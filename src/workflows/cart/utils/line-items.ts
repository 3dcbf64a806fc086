import { AgoraError } from "../../../framework/errors/index.ts"
import type { CartLineItem, CartLineItemInput } from "../../../modules/cart/index.ts"
import type { CartItemInput, VariantForCart } from "./types.ts"

/** A line's snapshot of its variant and product, priced for the cart (Medusa's prepareLineItemData). */
export function lineItemData(variant: VariantForCart, quantity: number, metadata?: Record<string, unknown> | null): CartLineItemInput {
  const price = variant.calculated_price
  if (!price) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Variants with IDs ${variant.id} do not have a price`)
  const { product } = variant
  return {
    title: variant.title,
    subtitle: product.title,
    thumbnail: product.thumbnail,
    quantity,
    variant_id: variant.id,
    product_id: product.id,
    product_title: product.title,
    product_description: product.description,
    product_subtitle: product.subtitle,
    product_type: null,
    product_collection: null,
    product_handle: product.handle,
    variant_sku: variant.sku,
    variant_barcode: variant.barcode,
    variant_title: variant.title,
    variant_option_values: variant.option_values,
    requires_shipping: requiresShipping(variant),
    is_discountable: product.discountable,
    is_tax_inclusive: price.is_tax_inclusive,
    unit_price: price.amount,
    compare_at_unit_price: null,
    metadata: metadata ?? {},
  }
}

/** A variant ships unless every one of its inventory items says it does not (API.md §9). */
export function requiresShipping(variant: VariantForCart): boolean {
  return variant.inventory_items.length === 0 || variant.inventory_items.some((item) => item.requires_shipping)
}

export type LineItemActions = {
  itemsToCreate: (CartLineItemInput & { quantity: number })[]
  /** Existing lines the new quantity is added to. */
  itemsToUpdate: { id: string; variant_id: string; quantity: number; unit_price: string }[]
}

/**
 * Which requested lines merge into the cart's lines (same variant, equal metadata: quantities are
 * summed, the price refreshed) and which are new. Requests for the same line are merged first.
 */
export function lineItemActions(
  existing: Pick<CartLineItem, "id" | "variant_id" | "quantity" | "metadata">[],
  requested: (CartLineItemInput & { quantity: number })[],
): LineItemActions {
  const actions: LineItemActions = { itemsToCreate: [], itemsToUpdate: [] }
  for (const item of requested) {
    const line = existing.find((candidate) => candidate.variant_id === item.variant_id && sameMetadata(candidate.metadata, item.metadata))
    if (line) {
      const update = actions.itemsToUpdate.find((candidate) => candidate.id === line.id)
      if (update) update.quantity += item.quantity
      else {
        actions.itemsToUpdate.push({
          id: line.id,
          variant_id: item.variant_id as string,
          quantity: line.quantity + item.quantity,
          unit_price: String(item.unit_price),
        })
      }
      continue
    }
    const pending = actions.itemsToCreate.find(
      (candidate) => candidate.variant_id === item.variant_id && sameMetadata(candidate.metadata, item.metadata),
    )
    if (pending) pending.quantity += item.quantity
    else actions.itemsToCreate.push({ ...item })
  }
  return actions
}

/** Metadata compare by value; no metadata and `{}` are the same. */
export function sameMetadata(a: unknown, b: unknown): boolean {
  return canonical(a ?? {}) === canonical(b ?? {})
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

/** Refuses a quantity that is not a whole number of at least `min`, naming the field. */
export function checkQuantity(quantity: unknown, field: string, min = 1): number {
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < min) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `${field} must be a whole number of at least ${min}, got ${JSON.stringify(quantity) ?? String(quantity)}`,
    )
  }
  return quantity
}

/** Checks requested items: a variant id and a positive whole quantity each. */
export function checkItems(items: CartItemInput[] | undefined, field = "items"): CartItemInput[] {
  if (items === undefined || items === null) return []
  if (!Array.isArray(items)) throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field} must be a list`)
  for (const [i, item] of items.entries()) {
    if (typeof item?.variant_id !== "string" || item.variant_id === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field}[${i}].variant_id is required`)
    }
    checkQuantity(item.quantity, `${field}[${i}].quantity`)
  }
  return items
}

/** The quantity of each variant once requests are added to the cart's lines: what inventory must cover. */
export function variantQuantities(
  lines: { variant_id: string | null; quantity: number }[],
  added: { variant_id: string; quantity: number }[],
): { variant_id: string; quantity: number }[] {
  const touched = new Set(added.map((item) => item.variant_id))
  const totals = new Map<string, number>()
  for (const line of [...lines, ...added]) {
    if (line.variant_id === null || !touched.has(line.variant_id)) continue
    totals.set(line.variant_id, (totals.get(line.variant_id) ?? 0) + line.quantity)
  }
  return [...totals].map(([variant_id, quantity]) => ({ variant_id, quantity }))
}
