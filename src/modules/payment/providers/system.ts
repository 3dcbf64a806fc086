import type {
  AuthorizePaymentOutput,
  InitiatePaymentOutput,
  PaymentOperationOutput,
  PaymentProvider,
} from "./types.ts"

/**
 * The built-in provider (`pp_system_default`) for payments settled outside Agora (cash on delivery,
 * manual bank transfer): authorization always succeeds; captures, refunds and cancellations are
 * only recorded by the module.
 */
export class SystemPaymentProvider implements PaymentProvider {
  static readonly identifier: string = "system"

  async initiatePayment(): Promise<InitiatePaymentOutput> {
    return { data: {}, status: "pending" }
  }

  async authorizePayment(): Promise<AuthorizePaymentOutput> {
    return { data: {}, status: "authorized" }
  }

  async capturePayment(): Promise<PaymentOperationOutput> {
    return { data: {} }
  }

  async refundPayment(): Promise<PaymentOperationOutput> {
    return { data: {} }
  }

  async cancelPayment(): Promise<PaymentOperationOutput> {
    return { data: {} }
  }

  async deletePayment(): Promise<PaymentOperationOutput> {
    return { data: {} }
  }

  async getPaymentStatus(): Promise<{ status: "authorized" }> {
    return { status: "authorized" }
  }
}
