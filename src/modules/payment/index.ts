import { Module } from "../../framework/modules/index.ts"
import { Capture } from "./models/capture.ts"
import { PaymentCollection } from "./models/payment-collection.ts"
import { PaymentProvider } from "./models/payment-provider.ts"
import { PaymentSession } from "./models/payment-session.ts"
import { Payment } from "./models/payment.ts"
import { Refund } from "./models/refund.ts"
import { PaymentModuleService } from "./service.ts"

export const PAYMENT_MODULE = "payment"
export { PaymentModuleService }
export { SYSTEM_PROVIDER_ID } from "./providers/registry.ts"
export { SystemPaymentProvider } from "./providers/system.ts"
export type * from "./providers/types.ts"
export type * from "./types.ts"
export type { PaymentCollectionStatus } from "./models/payment-collection.ts"
export type { PaymentSessionStatus } from "./models/payment-session.ts"

export default Module(PAYMENT_MODULE, {
  service: PaymentModuleService,
  models: [PaymentCollection, PaymentSession, Payment, Capture, Refund, PaymentProvider],
})
