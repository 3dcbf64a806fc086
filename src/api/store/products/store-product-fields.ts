import { AgoraError } from "../../../framework/errors/index.ts"

/**
 * Product fields of Medusa's store API that Agora's catalog has no data for (no collections, types,
 * tags, images or categories): they are answered with their empty value, so clients read the shape
 * they expect.
 */
const PLACEHOLDERS: Record<string, () => null | never[]> = {
  collection_id: () => null,
  type_id: () => null,
  collection: () => null,
  type: () => null,
  tags: () => [],
  images: () => [],
  categories: () => [],
}

/**
 * Path segments a storefront may not read through a product: other sales channels and their keys,
 * raw price sets (the store gets `calculated_price`), reservations, other products (through a
 * shared inventory item or a brand, which would show drafts), and link rows, which reach the same
 * data under another name.
 */
const DISALLOWED_SEGMENTS = new Set([
  "sales_channels",
  "sales_channel",
  "api_keys",
  "stock_locations",
  "price_set",
  "reservation_items",
  "product_variants",
  "products",
  "orders",
  "carts",
  "customer",
  "customers",
  "payment_collection",
  "payment_collections",
  "shipping_option",
])

/** What a store product request reads, once Medusa's computed and catalog-only fields are taken out. */
export type StoreProductSelection = {
  /** The fields Query reads. */
  fields: string[]
  /** Product fields answered with an empty value (see PLACEHOLDERS). */
  placeholders: string[]
  /** `variants.calculated_price` was asked for. */
  calculatedPrice: boolean
  /** `variants.inventory_quantity` was asked for. */
  inventoryQuantity: boolean
  /** The variants' own `manage_inventory` is part of the answer (not only read to work out stock). */
  showsManageInventory: boolean
}

/** Splits a store product request's fields (Query syntax, from `validateAndTransformQuery`). */
export function selectStoreProductFields(requested: string[]): StoreProductSelection {
  const fields: string[] = []
  const placeholders = new Set<string>()
  const disallowed: string[] = []
  let calculatedPrice = false
  let inventoryQuantity = false
  for (const field of requested) {
    const path = field.split(".")
    const head = path[0] as string
    if (path.some((segment) => DISALLOWED_SEGMENTS.has(segment) || segment.endsWith("_link"))) disallowed.push(field)
    else if (head in PLACEHOLDERS) placeholders.add(head)
    else if (head === "variants" && path[1] === "calculated_price") calculatedPrice = true
    else if (head === "variants" && path[1] === "inventory_quantity") inventoryQuantity = true
    else fields.push(field)
  }
  if (disallowed.length > 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Requested fields [${disallowed.join(", ")}] are not valid`)
  }
  const showsManageInventory = fields.some((field) => ["variants", "variants.*", "variants.manage_inventory"].includes(field))
  return { fields, placeholders: [...placeholders], calculatedPrice, inventoryQuantity, showsManageInventory }
}

/** Each placeholder field with its empty value. */
export function placeholderValues(names: string[]): [string, null | never[]][] {
  return names.map((name) => [name, (PLACEHOLDERS[name] as () => null | never[])()])
}
