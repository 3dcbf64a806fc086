import { defineLink } from "../framework/modules/index.ts"
import OrderModule from "../modules/order/index.ts"
import SalesChannelModule from "../modules/sales-channel/index.ts"

/** An order's sales channel, named by its `sales_channel_id` (`order.sales_channel`): read-only, as Medusa's. */
export default defineLink(
  { linkable: OrderModule.linkable.order, field: "sales_channel_id" },
  SalesChannelModule.linkable.salesChannel,
  { readOnly: true },
)
