import { defineLink } from "../framework/modules/index.ts"
import SalesChannelModule from "../modules/sales-channel/index.ts"
import StockLocationModule from "../modules/stock-location/index.ts"

/**
 * The stock locations a sales channel sells from (`sales_channel.stock_locations`,
 * `stock_location.sales_channels`): a cart's stock is checked there. Table and id prefix as Medusa's.
 */
export default defineLink(
  { linkable: SalesChannelModule.linkable.salesChannel, isList: true },
  { linkable: StockLocationModule.linkable.stockLocation, isList: true },
  { database: { table: "sales_channel_stock_location", idPrefix: "scloc" } },
)
