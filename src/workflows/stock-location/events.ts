/** Events raised by the stock location workflows, with Medusa's names. Each carries `{ id }`. */
export const StockLocationEvents = {
  CREATED: "stock-location.created",
} as const
