import { defineLink } from "../framework/modules/index.ts"
import OrderModule from "../modules/order/index.ts"
import RegionModule from "../modules/region/index.ts"

/** An order's region, named by its `region_id` (`order.region`): read-only, as Medusa's. */
export default defineLink({ linkable: OrderModule.linkable.order, field: "region_id" }, RegionModule.linkable.region, { readOnly: true })
