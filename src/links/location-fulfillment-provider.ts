import { defineLink } from "../framework/modules/index.ts"
import FulfillmentModule from "../modules/fulfillment/index.ts"
import StockLocationModule from "../modules/stock-location/index.ts"

/**
 * The fulfillment providers a stock location ships through (`stock_location.fulfillment_providers`,
 * `fulfillment_provider.stock_locations`). Table and id prefix as Medusa's.
 */
export default defineLink(
  { linkable: StockLocationModule.linkable.stockLocation, isList: true },
  // The fulfillment service's type hides its models, so its linkables are an untyped map.
  { linkable: FulfillmentModule.linkable.fulfillmentProvider!, isList: true },
  { database: { table: "location_fulfillment_provider", idPrefix: "locfp" } },
)
