/** Events raised by the product workflows, with Medusa's names. Each carries `{ id }`. */
export const ProductEvents = {
  CREATED: "product.created",
  UPDATED: "product.updated",
  DELETED: "product.deleted",
} as const

export const ProductVariantEvents = {
  CREATED: "product-variant.created",
  UPDATED: "product-variant.updated",
  DELETED: "product-variant.deleted",
} as const
