import type { InferEntity } from "../../framework/modules/index.ts"
import type { Amount } from "../../framework/money/index.ts"
import type { Capture } from "./models/capture.ts"
import type { PaymentCollection } from "./models/payment-collection.ts"
import type { PaymentProvider } from "./models/payment-provider.ts"
import type { PaymentSession } from "./models/payment-session.ts"
import type { Payment } from "./models/payment.ts"
import type { Refund } from "./models/refund.ts"

export type PaymentCollectionDTO = InferEntity<typeof PaymentCollection>
export type PaymentSessionDTO = InferEntity<typeof PaymentSession>
export type PaymentDTO = InferEntity<typeof Payment>
export type PaymentProviderDTO = InferEntity<typeof PaymentProvider>
export type CaptureDTO = InferEntity<typeof Capture>
export type RefundDTO = InferEntity<typeof Refund>

export type CreatePaymentSessionInput = {
  provider_id: string
  /** Defaults to the collection's amount. */
  amount?: Amount
  /** Defaults to the collection's currency; must be the same. */
  currency_code?: string
  data?: Record<string, unknown>
  context?: Record<string, unknown>
}

export type CapturePaymentInput = { payment_id: string; amount?: Amount; created_by?: string }
export type RefundPaymentInput = { payment_id: string; amount?: Amount; note?: string; created_by?: string }
