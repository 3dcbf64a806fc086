import { defineLink } from "../framework/modules/index.ts"
import type { Linkable } from "../framework/modules/index.ts"
import PaymentModule from "../modules/payment/index.ts"
import RegionModule from "../modules/region/index.ts"

// Payment providers have no generated CRUD, so the module's typed linkables leave them out; the
// module still registers the model and its linkable.
const paymentProvider = (PaymentModule.linkable as Record<string, Linkable>).paymentProvider!

/**
 * The payment providers offered in a region (`region.payment_providers`, `payment_provider.regions`).
 * Table and id prefix as Medusa's.
 */
export default defineLink(
  { linkable: RegionModule.linkable.region, isList: true },
  { linkable: paymentProvider, isList: true },
  { database: { table: "region_payment_provider", idPrefix: "regpp" } },
)
