/** Events raised by the store workflows, with Medusa's names. Each carries `{ id }`. */
export const StoreEvents = {
  CREATED: "store.created",
  UPDATED: "store.updated",
} as const
