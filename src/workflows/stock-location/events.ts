/** Events raised by the stock location workflows, with Medusa's names. Each carries `{ id }`. */
export const StockLocationEvents = {
  CREATED: "stock-location.created",
  UPDATED: "stock-location.updated",
  DELETED: "stock-location.deleted",
} as const
