import type { PaymentSessionStatus } from "../models/payment-session.ts"

/** What a provider keeps about a session or payment; stored as is and handed back on every call. */
export type ProviderData = Record<string, unknown>

/** Amounts reach providers as exact decimal strings in the currency's main unit (`"10.5"`). */
export type InitiatePaymentInput = {
  amount: string
  currency_code: string
  data: ProviderData
  /** The caller's context (customer, cart ...) plus `session_id`. */
  context: Record<string, unknown>
}

export type InitiatePaymentOutput = { id?: string; data?: ProviderData; status?: PaymentSessionStatus }

export type AuthorizePaymentInput = { data: ProviderData; context: Record<string, unknown> }

/**
 * `authorized` makes a payment; `captured` makes a payment and captures it in full; anything else
 * (`requires_more`, `error`, `pending`...) leaves the session unpaid with that status.
 */
export type AuthorizePaymentOutput = { status: PaymentSessionStatus; data?: ProviderData }

export type PaymentOperationInput = { data: ProviderData; amount: string }

export type PaymentOperationOutput = { data?: ProviderData }

/**
 * A payment provider: the gateway behind sessions and payments. A class implementing it declares a
 * static `identifier`; configured with `id`, it is registered as `pp_<identifier>_<id>`.
 */
export type PaymentProvider = {
  initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput>
  authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput>
  capturePayment(input: PaymentOperationInput): Promise<PaymentOperationOutput>
  refundPayment(input: PaymentOperationInput): Promise<PaymentOperationOutput>
  cancelPayment(input: { data: ProviderData }): Promise<PaymentOperationOutput>
  /** Called when a session that was never authorized is deleted. */
  deletePayment(input: { data: ProviderData }): Promise<PaymentOperationOutput>
  getPaymentStatus(input: { data: ProviderData }): Promise<{ status: PaymentSessionStatus; data?: ProviderData }>
}

export type PaymentProviderClass = {
  readonly identifier: string
  new (options: Record<string, unknown>): PaymentProvider
}

/**
 * One entry of the module's `providers` option: the provider class (or the path of a file whose
 * default export is one, relative to the project root), the instance id, and the options it is built with.
 */
export type PaymentProviderConfig = {
  resolve: PaymentProviderClass | string
  id: string
  options?: Record<string, unknown>
}

export type PaymentModuleOptions = { providers?: PaymentProviderConfig[] }
