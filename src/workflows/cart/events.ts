/** Events the cart workflows publish (Medusa's names); `data` is `{ id }` of the cart. */
export const CartEvents = {
  CREATED: "cart.created",
  UPDATED: "cart.updated",
  REGION_UPDATED: "cart.region_updated",
  /** `{ id, customer_id }`: a guest's cart became a signed-in customer's. */
  CUSTOMER_TRANSFERRED: "cart.customer_transferred",
} as const
