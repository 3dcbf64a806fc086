/** Events of the customer flows, with Medusa's names; each carries `{ id }`. */
export const CustomerEvents = {
  CREATED: "customer.created",
  UPDATED: "customer.updated",
} as const
