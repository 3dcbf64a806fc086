/** Events raised by the brand workflows. Each carries `{ id }`. */
export const BrandEvents = {
  CREATED: "brand.created",
  UPDATED: "brand.updated",
  DELETED: "brand.deleted",
} as const
