import { setTimeout as sleep } from "node:timers/promises"
import { AgoraError } from "../../framework/errors/index.ts"
import { generateId, ModuleService, projectRootOf, syncProviderRows } from "../../framework/modules/index.ts"
import type { Filters, FindConfig, ModuleDependencies } from "../../framework/modules/index.ts"
import { money } from "../../framework/money/index.ts"
import type { Amount } from "../../framework/money/index.ts"
import { refreshCollection } from "./collection-status.ts"
import { Capture } from "./models/capture.ts"
import { PaymentCollection } from "./models/payment-collection.ts"
import { PaymentProvider } from "./models/payment-provider.ts"
import { PaymentSession } from "./models/payment-session.ts"
import { Payment } from "./models/payment.ts"
import { Refund } from "./models/refund.ts"
import { PaymentProviderRegistry } from "./providers/registry.ts"
import {
  AUTHORIZATION_CLAIM_SECONDS,
  claimAuthorization,
  insertSession,
  recordAuthorization,
  recordRefusal,
  releaseAuthorizationClaim,
  sessionStatus,
} from "./session-statements.ts"
import type { ClaimedSession } from "./session-statements.ts"
import type {
  CapturePaymentInput,
  CreatePaymentSessionInput,
  PaymentDTO,
  PaymentProviderDTO,
  PaymentSessionDTO,
  RefundPaymentInput,
} from "./types.ts"

// While another call's authorization of a session is under way, how often its outcome is looked for.
const CLAIM_POLL_MS = 10
const CLAIM_POLL_MAX_MS = 200

const ProviderRows = ModuleService({ PaymentProvider })

/**
 * Payment collections, the sessions a customer opens with a provider, and the payments an authorized
 * session becomes, with their captures and refunds. Amounts are exact decimals; every change of a
 * session or payment brings the collection's status and totals up to date.
 */
export class PaymentModuleService extends ModuleService({ PaymentCollection, PaymentSession, Payment, Capture, Refund }) {
  private readonly providerRows: InstanceType<typeof ProviderRows>
  private readonly dependencies: ModuleDependencies
  private registry: Promise<PaymentProviderRegistry> | undefined

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.dependencies = dependencies
    this.providerRows = new ProviderRows(dependencies, options)
  }

  /** The configured providers (`pp_system_default` is always there). */
  async listPaymentProviders(
    filters: Filters<PaymentProviderDTO> = {},
    config: FindConfig<PaymentProviderDTO> = {},
  ): Promise<PaymentProviderDTO[]> {
    await this.providers()
    return this.providerRows.listPaymentProviders(filters, config)
  }

  async listAndCountPaymentProviders(
    filters: Filters<PaymentProviderDTO> = {},
    config: FindConfig<PaymentProviderDTO> = {},
  ): Promise<[PaymentProviderDTO[], number]> {
    await this.providers()
    return this.providerRows.listAndCountPaymentProviders(filters, config)
  }

  async retrievePaymentProvider(id: string, config: FindConfig<PaymentProviderDTO> = {}): Promise<PaymentProviderDTO> {
    await this.providers()
    return this.providerRows.retrievePaymentProvider(id, config)
  }

  /**
   * Opens a session with a provider for (part of) a collection; the provider's data is stored on it.
   * The provider is asked first (with the session's id), then the session and the collection's status
   * are written in one statement: a provider that fails leaves nothing behind. Given both the amount
   * and the currency, the collection is not read first: the insert finds it, of that currency, or the
   * call fails as it would have (not_found, or invalid_data for another currency).
   */
  async createPaymentSession(paymentCollectionId: string, input: CreatePaymentSessionInput): Promise<PaymentSessionDTO> {
    const given = input.amount !== undefined && input.currency_code !== undefined
    const collection = given ? undefined : await this.retrievePaymentCollection(paymentCollectionId)
    if (typeof input.provider_id !== "string" || input.provider_id === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "provider_id is required to create a payment session")
    }
    const provider = (await this.providers()).get(input.provider_id)
    const amount = input.amount ?? collection?.amount
    if (!money.isAmount(amount) || money.compare(amount, 0) < 0) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `amount must be a non-negative amount, got ${String(amount)}`)
    }
    const currency = collection?.currency_code ?? (input.currency_code as string)
    if (collection !== undefined) this.#assertCurrency(collection, input.currency_code ?? currency)
    const id = generateId("payses")
    const started = await provider.initiatePayment({
      amount: money.toDecimal(amount),
      currency_code: currency,
      data: input.data ?? {},
      context: { ...input.context, session_id: id },
    })
    const session = await insertSession(this.database, {
      id,
      payment_collection_id: paymentCollectionId,
      provider_id: input.provider_id,
      amount: money.toDecimal(amount),
      currency_code: currency,
      data: { ...input.data, ...started.data },
      context: input.context ?? null,
      status: sessionStatus(started.status ?? "pending"),
    })
    if (session !== undefined) return session
    // Not written: the collection is gone, or (not read first) it has another currency.
    this.#assertCurrency(await this.retrievePaymentCollection(paymentCollectionId), currency)
    // Found now, of that currency: it was deleted and restored meanwhile.
    throw new AgoraError(AgoraError.Types.NOT_FOUND, `PaymentCollection with id: ${paymentCollectionId} was not found`)
  }

  #assertCurrency(collection: { id: string; currency_code: string }, currency: string): void {
    if (currency.toLowerCase() !== collection.currency_code.toLowerCase()) {
      throw new AgoraError(
        AgoraError.Types.INVALID_DATA,
        `currency_code ${currency} does not match the currency ${collection.currency_code} of payment collection ${collection.id}`,
      )
    }
  }

  /** Deletes a session that was not authorized, telling its provider. */
  async deletePaymentSession(id: string): Promise<void> {
    await this.database.transaction(async () => {
      const [claim] = await this.database.execute<{ authorizing: boolean }>(
        `select coalesce(authorizing_until > now(), false) as authorizing from payment_session where id = ? for update`,
        [id],
      )
      if (claim?.authorizing) {
        throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Payment session ${id} is being authorized and cannot be deleted`)
      }
      const session = await this.retrievePaymentSession(id)
      const [payment] = await this.listPayments({ payment_session_id: id }, { select: ["id"], take: 1 })
      if (payment) {
        throw new AgoraError(
          AgoraError.Types.NOT_ALLOWED,
          `Payment session ${id} was authorized (payment ${payment.id}) and cannot be deleted`,
        )
      }
      await (await this.providers()).get(session.provider_id).deletePayment({ data: session.data })
      await this.deletePaymentSessions(id)
      await refreshCollection(this.database, session.payment_collection_id)
    })
  }

  /**
   * Authorizes a session with its provider and makes the payment; idempotent once authorized. When the
   * provider does not authorize, the session keeps the provider's status and the call fails with
   * `not_allowed` (code `payment_requires_more_error` or `payment_authorization_error`).
   *
   * The session is claimed while its provider answers (no transaction is held meanwhile), so
   * concurrent calls ask the provider once: they wait for the claim's outcome and answer it. What
   * the answer changes, and the claim's end, are one statement. A call whose `context` has the
   * `idempotency_key` of an earlier call that died on the way takes that call's claim over at once.
   */
  async authorizePaymentSession(id: string, context: Record<string, unknown> = {}): Promise<PaymentDTO> {
    const claimant = typeof context.idempotency_key === "string" ? context.idempotency_key : null
    for (let waitMs = CLAIM_POLL_MS; ; waitMs = Math.min(waitMs * 2, CLAIM_POLL_MAX_MS)) {
      const claim = await claimAuthorization(this.database, id, claimant)
      if ("payment" in claim) return claim.payment
      if ("claimed" in claim) return this.#authorizeClaimed(claim.claimed, context)
      if ("canceled" in claim) {
        throw new AgoraError(AgoraError.Types.NOT_ALLOWED, `Payment session ${id} was canceled and cannot be authorized`)
      }
      await sleep(waitMs)
    }
  }

  async #authorizeClaimed(session: ClaimedSession, context: Record<string, unknown>): Promise<PaymentDTO> {
    const provider = (await this.providers()).get(session.provider_id)
    let result: Awaited<ReturnType<typeof provider.authorizePayment>>
    try {
      result = await provider.authorizePayment({ data: session.data, context })
    } catch (error) {
      // The provider's failure is the answer; a claim that cannot be given up lapses by itself.
      await releaseAuthorizationClaim(this.database, session).catch(() => undefined)
      throw error
    }
    const data = result.data ?? session.data
    if (result.status !== "authorized" && result.status !== "captured") {
      const status = sessionStatus(result.status)
      await recordRefusal(this.database, session, { status, data })
      const code = status === "requires_more" ? "payment_requires_more_error" : "payment_authorization_error"
      throw new AgoraError(
        AgoraError.Types.NOT_ALLOWED,
        `Payment session ${session.id} was not authorized by ${session.provider_id}: its status is ${status}`,
        code,
      )
    }
    // A provider that captures on authorization: the payment is captured in full at once.
    const payment = await recordAuthorization(this.database, session, { data, captured: result.status === "captured" })
    if (payment !== undefined) return payment
    // The claim was no longer this call's when the provider answered (it lapsed, and another call
    // took the session): this authorization is not recorded, so the provider lets it go.
    await provider.cancelPayment({ data })
    throw new AgoraError(
      AgoraError.Types.CONFLICT,
      `Payment session ${session.id} was authorized by ${session.provider_id} after its claim (${AUTHORIZATION_CLAIM_SECONDS} s) was taken by another call; that authorization was canceled`,
    )
  }

  /** Captures `amount` (default: all that is left) of an authorized payment. Returns it with its captures. */
  async capturePayment(input: CapturePaymentInput): Promise<PaymentDTO> {
    const requested = positiveAmount(input.amount)
    await this.database.transaction(async () => {
      const payment = await this.lockedPayment(input.payment_id)
      if (payment.canceled_at) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `Payment ${payment.id} was canceled and cannot be captured`)
      }
      const captured = money.sum(payment.captures ?? [], (capture) => capture.amount)
      const remaining = money.subtract(payment.amount, captured)
      if (requested === undefined && money.isZero(remaining)) return // already captured in full
      const amount = requested ?? remaining
      if (money.compare(amount, remaining) > 0) {
        throw new AgoraError(
          AgoraError.Types.INVALID_DATA,
          `amount ${amount} cannot be captured from payment ${payment.id}: ${remaining} of the authorized ${payment.amount} is left to capture`,
        )
      }
      await this.createCaptures({ payment_id: payment.id, amount, created_by: input.created_by ?? null })
      const provider = (await this.providers()).get(payment.provider_id)
      const result = await provider.capturePayment({ data: payment.data ?? {}, amount })
      const inFull = money.compare(money.add(captured, amount), payment.amount) >= 0
      await this.updatePayments({ id: payment.id, data: result.data ?? payment.data, captured_at: inFull ? new Date() : null })
      await refreshCollection(this.database, payment.payment_collection_id)
    })
    return this.retrievePayment(input.payment_id, { relations: ["captures", "refunds"] })
  }

  /** Refunds `amount` (default: all that is captured and not yet refunded). Returns the payment with its refunds. */
  async refundPayment(input: RefundPaymentInput): Promise<PaymentDTO> {
    const requested = positiveAmount(input.amount)
    await this.database.transaction(async () => {
      const payment = await this.lockedPayment(input.payment_id)
      const captured = money.sum(payment.captures ?? [], (capture) => capture.amount)
      const refunded = money.sum(payment.refunds ?? [], (refund) => refund.amount)
      const refundable = money.subtract(captured, refunded)
      if (money.isZero(refundable)) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `Payment ${payment.id} has nothing captured left to refund`)
      }
      const amount = requested ?? refundable
      if (money.compare(amount, refundable) > 0) {
        throw new AgoraError(
          AgoraError.Types.INVALID_DATA,
          `amount ${amount} cannot be refunded from payment ${payment.id}: ${refundable} of the captured ${captured} is left to refund`,
        )
      }
      await this.createRefunds({ payment_id: payment.id, amount, note: input.note ?? null, created_by: input.created_by ?? null })
      const provider = (await this.providers()).get(payment.provider_id)
      const result = await provider.refundPayment({ data: payment.data ?? {}, amount })
      await this.updatePayments({ id: payment.id, data: result.data ?? payment.data })
      await refreshCollection(this.database, payment.payment_collection_id)
    })
    return this.retrievePayment(input.payment_id, { relations: ["captures", "refunds"] })
  }

  /** Cancels a payment with nothing captured (or all of it refunded); idempotent. Its session becomes `canceled`. */
  async cancelPayment(paymentId: string): Promise<PaymentDTO> {
    await this.database.transaction(async () => {
      const payment = await this.lockedPayment(paymentId)
      if (payment.canceled_at) return
      const captured = money.sum(payment.captures ?? [], (capture) => capture.amount)
      const kept = money.subtract(captured, money.sum(payment.refunds ?? [], (refund) => refund.amount))
      if (!money.isZero(kept)) {
        throw new AgoraError(
          AgoraError.Types.NOT_ALLOWED,
          `Payment ${payment.id} has ${kept} captured and not refunded: refund it before canceling`,
        )
      }
      const provider = (await this.providers()).get(payment.provider_id)
      const result = await provider.cancelPayment({ data: payment.data ?? {} })
      await this.updatePayments({ id: payment.id, data: result.data ?? payment.data, canceled_at: new Date() })
      await this.updatePaymentSessions({ id: payment.payment_session_id, status: "canceled" })
      await refreshCollection(this.database, payment.payment_collection_id)
    })
    return this.retrievePayment(paymentId)
  }

  /** The payment with its captures and refunds, its row locked until the transaction ends. */
  private async lockedPayment(id: string) {
    if (typeof id !== "string" || id === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "payment_id is required")
    }
    await this.lock("payment", id)
    return this.retrievePayment(id, { relations: ["captures", "refunds"] })
  }

  private async lock(table: "payment", id: string): Promise<void> {
    await this.database.execute(`select id from "${table}" where id = ? for update`, [id])
  }

  /**
   * The provider registry, built on first use: providers may be files to import. The first use also
   * records the configured providers in `payment_provider` (and disables rows no longer configured).
   */
  private providers(): Promise<PaymentProviderRegistry> {
    this.registry ??= this.loadProviders().catch((error: unknown) => {
      this.registry = undefined
      throw error
    })
    return this.registry
  }

  private async loadProviders(): Promise<PaymentProviderRegistry> {
    const registry = await PaymentProviderRegistry.load(this.options, projectRootOf(this.dependencies))
    await syncProviderRows(this.database, "payment_provider", registry.ids())
    return registry
  }
}

function positiveAmount(amount: Amount | undefined): string | undefined {
  if (amount === undefined) return undefined
  if (!money.isAmount(amount) || money.compare(amount, 0) <= 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `amount must be greater than 0, got ${String(amount)}`)
  }
  return money.toDecimal(amount)
}
