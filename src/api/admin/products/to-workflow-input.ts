import type { CreatePriceInput } from "../../../modules/pricing/index.ts"
import type { CreateProductWorkflowInput, ProductVariantUpsert, UpdateProductAndVariantsWorkflowInput } from "../../../workflows/product/index.ts"
import type { AdminCreateProduct, AdminUpdateProduct, AdminUpsertProductVariant } from "./validators.ts"

/** Fields Medusa's admin accepts that this catalog does not keep: accepted, and left out. */
type Unkept = "images" | "type_id" | "collection_id" | "categories" | "tags" | "shipping_profile_id" | "additional_data"

function withoutUnkept<T extends Partial<Record<Unkept, unknown>>>(body: T): Omit<T, Unkept> {
  const { images: _i, type_id: _t, collection_id: _c, categories: _k, tags: _g, shipping_profile_id: _s, additional_data: _a, ...kept } = body
  return kept
}

/** A product to create, as the create-products workflow takes it. */
export function productToCreate(body: AdminCreateProduct): CreateProductWorkflowInput {
  return withoutUnkept(body)
}

/** A product update, as the update-product-and-variants workflow takes it. */
export function productToUpdate(id: string, body: AdminUpdateProduct): UpdateProductAndVariantsWorkflowInput {
  const { handle, variants, ...update } = withoutUnkept(body)
  return {
    id,
    // A null handle keeps the handle: a product always has one.
    update: { ...update, ...(typeof handle === "string" ? { handle } : {}), ...(variants ? { variants: variants.map(variantToUpsert) } : {}) },
    additional_data: body.additional_data,
  }
}

function variantToUpsert({ id, inventory_items, ...variant }: AdminUpsertProductVariant): ProductVariantUpsert {
  if (id !== undefined) return { ...variant, id }
  // The body's refinements made sure a new variant has a title and its prices a currency and amount.
  // A new variant has no prices to name yet: an id sent with one is not kept.
  const prices = (variant.prices ?? []).map(({ id: _id, ...price }): CreatePriceInput => ({
    ...price,
    amount: price.amount ?? 0,
    currency_code: price.currency_code ?? "",
  }))
  return { ...variant, title: variant.title ?? "", prices, ...(inventory_items ? { inventory_items } : {}) }
}
