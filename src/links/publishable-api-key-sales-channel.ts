import { defineLink } from "../framework/modules/index.ts"
import ApiKeyModule from "../modules/api-key/index.ts"
import SalesChannelModule from "../modules/sales-channel/index.ts"

/**
 * The sales channels a publishable key scopes the store to (`api_key.sales_channels`,
 * `sales_channel.api_keys`). Table and id prefix as Medusa's.
 */
export default defineLink(
  { linkable: ApiKeyModule.linkable.apiKey, isList: true },
  { linkable: SalesChannelModule.linkable.salesChannel, isList: true },
  { database: { table: "publishable_api_key_sales_channel", idPrefix: "pksc" } },
)
