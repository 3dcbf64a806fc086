/** Events the cart workflows publish (Medusa's names); `data` is `{ id }` of the cart. */
export const CartEvents = {
  CREATED: "cart.created",
  UPDATED: "cart.updated",
  REGION_UPDATED: "cart.region_updated",
} as const
