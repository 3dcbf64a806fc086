import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { SystemPaymentProvider } from "../../../src/modules/payment/index.ts"
import type { AuthorizePaymentOutput, PaymentOperationOutput } from "../../../src/modules/payment/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startPaymentApp } from "./payment-app.ts"
import type { PaymentApp } from "./payment-app.ts"

/** Authorizes when the test opens its gate, and records what it was asked. */
class GatedProvider extends SystemPaymentProvider {
  static override readonly identifier = "gated"
  static authorizations = 0
  static cancellations: Record<string, unknown>[] = []
  static entered: () => void = () => {}
  static gate: Promise<void> = Promise.resolve()

  override async authorizePayment(): Promise<AuthorizePaymentOutput> {
    GatedProvider.authorizations++
    GatedProvider.entered()
    await GatedProvider.gate
    return { data: { gated: GatedProvider.authorizations }, status: "authorized" }
  }

  override async cancelPayment(input?: { data?: Record<string, unknown> }): Promise<PaymentOperationOutput> {
    GatedProvider.cancellations.push(input?.data ?? {})
    return { data: { ...input?.data, canceled: true } }
  }
}

const GATED = "pp_gated_test"

let t: PaymentApp
beforeAll(async () => {
  t = await startPaymentApp({
    providers: [
      { resolve: "./test/modules/payment/fixtures/scripted-provider.ts", id: "test" },
      { resolve: GatedProvider, id: "test" },
    ],
  })
})
afterAll(() => t.close())
beforeEach(() => {
  GatedProvider.authorizations = 0
  GatedProvider.cancellations = []
  GatedProvider.gate = Promise.resolve()
})

async function sessionOf(provider: string, data: Record<string, unknown> = {}) {
  const collection = await t.payment.createPaymentCollections({ currency_code: "usd", amount: "30" })
  const session = await t.payment.createPaymentSession(collection.id, { provider_id: provider, data })
  return { collection, session }
}

/** Holds the gated provider's answer until `open()`; `asked` resolves once the provider is asked. */
function holdProvider(): { asked: Promise<void>; open: () => void } {
  let open!: () => void
  GatedProvider.gate = new Promise<void>((resolve) => (open = resolve))
  const asked = new Promise<void>((resolve) => (GatedProvider.entered = resolve))
  return { asked, open }
}

const isClaimed = async (sessionId: string) =>
  (await t.rows<{ claimed: boolean }>(`select authorizing_until is not null as claimed from payment_session where id = ?`, [sessionId]))[0]!
    .claimed

describe("a session is claimed while its provider answers", () => {
  test("no transaction is open meanwhile, and the claim ends with the answer's write", async () => {
    const { session } = await sessionOf(GATED)
    const held = holdProvider()

    const authorizing = t.payment.authorizePaymentSession(session.id)
    await held.asked
    expect(await isClaimed(session.id)).toBe(true)
    const [open] = await t.rows<{ open: number }>(
      `select count(*)::int as open from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    )
    expect(open!.open).toBe(0)
    held.open()
    const payment = await authorizing

    expect(payment.data).toEqual({ gated: 1 })
    expect(await isClaimed(session.id)).toBe(false)
    expect((await t.payment.retrievePaymentSession(session.id)).status).toBe("authorized")
  })

  test("a session being authorized cannot be deleted; once authorized, it still cannot", async () => {
    const { session } = await sessionOf(GATED)
    const held = holdProvider()
    const authorizing = t.payment.authorizePaymentSession(session.id)
    await held.asked

    const refused = await rejection(t.payment.deletePaymentSession(session.id))
    expect(refused.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(refused.message).toBe(`Payment session ${session.id} is being authorized and cannot be deleted`)
    held.open()
    const payment = await authorizing

    const after = await rejection(t.payment.deletePaymentSession(session.id))
    expect(after.message).toBe(`Payment session ${session.id} was authorized (payment ${payment.id}) and cannot be deleted`)
  })

  test("calls made while another authorizes wait for its outcome and answer its payment", async () => {
    const { collection, session } = await sessionOf(GATED)
    const held = holdProvider()
    const first = t.payment.authorizePaymentSession(session.id)
    await held.asked
    const others = Promise.all([1, 2, 3].map(() => t.payment.authorizePaymentSession(session.id)))
    await new Promise((resolve) => setTimeout(resolve, 50))
    held.open()

    const payments = [await first, ...(await others)]

    expect(GatedProvider.authorizations).toBe(1)
    expect(new Set(payments.map((payment) => payment.id)).size).toBe(1)
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toHaveLength(1)
  })

  test("a provider that throws gives the claim up: the session is as it was and can be authorized at once", async () => {
    const { session } = await sessionOf(SCRIPTED_PROVIDER_ID, { fail: "authorize" })

    await expect(t.payment.authorizePaymentSession(session.id)).rejects.toThrow("scripted provider: authorize failed")

    expect(await isClaimed(session.id)).toBe(false)
    expect((await t.payment.retrievePaymentSession(session.id)).status).toBe("pending")
  })

  test("a claim left by a process that died lapses at its time; then the session is authorized", async () => {
    const { session } = await sessionOf(GATED)
    await t.rows(`update payment_session set authorizing_until = now() + interval '300 milliseconds' where id = ?`, [session.id])

    const started = Date.now()
    const payment = await t.payment.authorizePaymentSession(session.id)

    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(GatedProvider.authorizations).toBe(1)
    expect(payment.payment_session_id).toBe(session.id)
    expect(await isClaimed(session.id)).toBe(false)
  })

  test("a call with the idempotency key of a call that died takes its claim over at once", async () => {
    const { session } = await sessionOf(GATED)
    await t.rows(`update payment_session set authorizing_until = now() + interval '60 seconds', authorizing_by = 'run-1:step:invoke' where id = ?`, [
      session.id,
    ])

    const started = Date.now()
    const payment = await t.payment.authorizePaymentSession(session.id, { idempotency_key: "run-1:step:invoke" })

    expect(Date.now() - started).toBeLessThan(5_000)
    expect(GatedProvider.authorizations).toBe(1)
    expect(payment.payment_session_id).toBe(session.id)
    expect(await isClaimed(session.id)).toBe(false)
  })

  test("a call with another idempotency key waits for a live claim to lapse; it does not take it over", async () => {
    const { session } = await sessionOf(GATED)
    await t.rows(
      `update payment_session set authorizing_until = now() + interval '300 milliseconds', authorizing_by = 'run-1:step:invoke' where id = ?`,
      [session.id],
    )

    const started = Date.now()
    const payment = await t.payment.authorizePaymentSession(session.id, { idempotency_key: "run-2:step:invoke" })

    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(GatedProvider.authorizations).toBe(1)
    expect(payment.payment_session_id).toBe(session.id)
  })

  test("an answer that comes after its claim lapsed and the session was claimed again is canceled with the provider", async () => {
    const { collection, session } = await sessionOf(GATED)
    const held = holdProvider()
    const late = t.payment.authorizePaymentSession(session.id)
    await held.asked
    // What another process does once the first claim has lapsed: it claims the session for itself.
    await t.rows(`update payment_session set authorizing_until = now() + interval '60 seconds' where id = ?`, [session.id])
    held.open()

    const error = await rejection(late)

    expect(error.type).toBe(AgoraError.Types.CONFLICT)
    expect(error.message).toBe(
      `Payment session ${session.id} was authorized by ${GATED} after its claim (60 s) was taken by another call; that authorization was canceled`,
    )
    expect(GatedProvider.cancellations).toEqual([{ gated: 1 }])
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toEqual([])
    expect(await t.payment.retrievePaymentSession(session.id)).toMatchObject({ status: "pending", authorized_at: null })
    expect((await t.payment.retrievePaymentCollection(collection.id)).authorized_amount).toBe("0")
  })

  test("a canceled session is refused without asking its provider", async () => {
    const { session } = await sessionOf(GATED)
    await t.rows(`update payment_session set status = 'canceled' where id = ?`, [session.id])

    const error = await rejection(t.payment.authorizePaymentSession(session.id))

    expect(error.type).toBe(AgoraError.Types.NOT_ALLOWED)
    expect(error.message).toBe(`Payment session ${session.id} was canceled and cannot be authorized`)
    expect(GatedProvider.authorizations).toBe(0)
  })
})
