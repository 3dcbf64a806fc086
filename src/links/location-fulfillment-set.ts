import { defineLink } from "../framework/modules/index.ts"
import FulfillmentModule from "../modules/fulfillment/index.ts"
import StockLocationModule from "../modules/stock-location/index.ts"

/**
 * The fulfillment sets (shipping, pickup) a stock location serves (`stock_location.fulfillment_sets`,
 * `fulfillment_set.stock_location`); deleting the location deletes them. Table and id prefix as Medusa's.
 */
export default defineLink(
  { linkable: StockLocationModule.linkable.stockLocation, deleteCascade: true },
  // The fulfillment service's type hides its models, so its linkables are an untyped map.
  { linkable: FulfillmentModule.linkable.fulfillmentSet!, isList: true },
  { database: { table: "location_fulfillment_set", idPrefix: "locfs" } },
)
