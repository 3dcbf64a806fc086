import type { Logger } from "../framework/app/index.ts"
import { ContainerKeys, type AgoraContainer } from "../framework/container/index.ts"
import { AgoraError } from "../framework/errors/index.ts"
import type { JobConfig } from "../framework/jobs/index.ts"
import type { Query } from "../framework/modules/index.ts"
import { CART_MODULE } from "../modules/cart/index.ts"
import { PAYMENT_MODULE } from "../modules/payment/index.ts"
import type { PaymentModuleService } from "../modules/payment/index.ts"

const DEFAULT_TTL_HOURS = 24
const PAGE_SIZE = 100

/**
 * Cancels payment sessions left pending on open carts: a session and its cart both untouched for
 * `UNPAID_SESSION_TTL_HOURS` (default 24) are deleted through the payment module, which tells the
 * provider (so it can void its intent) and refreshes the collection's status. A customer who comes
 * back starts a new session at checkout, as the storefront does anyway.
 *
 * Direct service calls, not a workflow: each session is an independent clean-up, and undoing the
 * ones already canceled because another failed would only reopen abandoned intents. The payment
 * module refuses to delete a session authorized in the meantime; that one is left alone.
 */
export default async function cancelUnpaidPaymentSessions(container: AgoraContainer): Promise<void> {
  if (!container.hasRegistration(PAYMENT_MODULE) || !container.hasRegistration(CART_MODULE)) return
  const logger = container.resolve<Logger>(ContainerKeys.LOGGER)
  const cutoff = new Date(Date.now() - unpaidSessionTtlHours() * 3_600_000)
  const query = container.resolve<Query>("query")
  const payment = container.resolve<PaymentModuleService>(PAYMENT_MODULE)

  let canceled = 0
  const failures: string[] = []
  for (let after = ""; ; ) {
    const { data: sessions } = await query.graph<{ id: string }>({
      entity: "payment_session",
      fields: ["id"],
      filters: {
        id: { $gt: after },
        status: "pending",
        updated_at: { $lt: cutoff },
        payment_collection: { cart: { completed_at: null, updated_at: { $lt: cutoff } } },
      },
      pagination: { take: PAGE_SIZE, order: { id: "ASC" } },
    })
    for (const session of sessions) {
      try {
        await payment.deletePaymentSession(session.id)
        canceled++
      } catch (error) {
        // Authorized or deleted since it was read: the customer got there first.
        if (AgoraError.is(error) && (error.type === "not_allowed" || error.type === "not_found")) continue
        failures.push(`${session.id}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
    if (sessions.length < PAGE_SIZE) break
    after = sessions[sessions.length - 1]!.id
  }
  if (canceled > 0) logger.info(`Canceled ${canceled} unpaid payment sessions untouched since ${cutoff.toISOString()}`)
  if (failures.length > 0) {
    throw new Error(`${failures.length} unpaid payment sessions could not be canceled: ${failures.join("; ")}`)
  }
}

/** `UNPAID_SESSION_TTL_HOURS`, read at each run: a positive number of hours, 24 when unset. */
export function unpaidSessionTtlHours(value = process.env.UNPAID_SESSION_TTL_HOURS): number {
  if (value === undefined || value.trim() === "") return DEFAULT_TTL_HOURS
  const hours = Number(value)
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `UNPAID_SESSION_TTL_HOURS must be a positive number of hours, got "${value}"`)
  }
  return hours
}

export const config: JobConfig = {
  name: "cancel-unpaid-payment-sessions",
  schedule: "0 * * * *",
}
