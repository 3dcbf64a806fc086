import { defineLink } from "../framework/modules/index.ts"
import CartModule from "../modules/cart/index.ts"
import RegionModule from "../modules/region/index.ts"

/** A cart's region, named by its `region_id` (`cart.region`): read-only, as Medusa's. */
export default defineLink({ linkable: CartModule.linkable.cart, field: "region_id" }, RegionModule.linkable.region, { readOnly: true })
