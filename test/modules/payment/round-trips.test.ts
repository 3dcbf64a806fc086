import { setTimeout as sleep } from "node:timers/promises"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { SystemPaymentProvider } from "../../../src/modules/payment/index.ts"
import type { AuthorizePaymentOutput } from "../../../src/modules/payment/index.ts"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startPaymentApp } from "./payment-app.ts"
import type { PaymentApp } from "./payment-app.ts"
import { countRoundTrips, headOf } from "../../setup/count-statements.ts"

/** Authorizes after a pause, long enough for concurrent calls to overlap, and counts the calls. */
class SlowProvider extends SystemPaymentProvider {
  static override readonly identifier = "slow"
  static authorizations = 0

  override async authorizePayment(): Promise<AuthorizePaymentOutput> {
    SlowProvider.authorizations++
    await sleep(50)
    return { data: { slow: true }, status: "authorized" }
  }
}

const SLOW_PROVIDER_ID = "pp_slow_test"
const SYSTEM = "pp_system_default"

let t: PaymentApp
beforeAll(async () => {
  t = await startPaymentApp({
    providers: [
      { resolve: "./test/modules/payment/fixtures/scripted-provider.ts", id: "test" },
      { resolve: SlowProvider, id: "test" },
    ],
  })
  // The first use of the providers records them in payment_provider, once per process.
  await t.payment.listPaymentProviders()
})
afterAll(() => t.close())

const newCollection = (amount: string) => t.payment.createPaymentCollections({ currency_code: "usd", amount })

/** The collection's stored totals beside a recount of its sessions and captures. */
async function storedAndRecounted(collectionId: string) {
  const [row] = await t.rows<Record<string, string>>(
    `select c.status, c.authorized_amount::text as authorized, c.captured_amount::text as captured,
      (select coalesce(sum(s.amount), 0)::text from payment_session s
        where s.payment_collection_id = c.id and s.deleted_at is null and s.status = 'authorized') as authorized_recount,
      (select coalesce(sum(x.amount), 0)::text from capture x join payment p on p.id = x.payment_id
        where p.payment_collection_id = c.id and p.deleted_at is null and x.deleted_at is null) as captured_recount
    from payment_collection c where c.id = ?`,
    [collectionId],
  )
  return row!
}

describe("round trips", () => {
  test("opening a session takes two statements and no transaction: the collection read, then one write", async () => {
    const collection = await newCollection("49.99")

    const { result: session, statements, transactions, roundTrips } = await countRoundTrips(t.app.database, () =>
      t.payment.createPaymentSession(collection.id, { provider_id: SCRIPTED_PROVIDER_ID, context: { cart_id: "cart_1" } }),
    )

    expect({ roundTrips, transactions }).toEqual({ roundTrips: 2, transactions: 0 })
    expect(headOf(statements[1]!)).toMatch(/^with change as/)
    expect(session).toEqual(await t.payment.retrievePaymentSession(session.id))
    expect(session.data).toEqual({ reference: `ref_${session.id}`, initiated_with: "49.99" })
    expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({ status: "awaiting", authorized_amount: "0" })
  })

  test("given the collection's amount and currency, opening a session is the write alone", async () => {
    const collection = await newCollection("49.99")

    const { result: session, statements, roundTrips } = await countRoundTrips(t.app.database, () =>
      t.payment.createPaymentSession(collection.id, { provider_id: SCRIPTED_PROVIDER_ID, amount: "49.99", currency_code: "usd" }),
    )

    expect(roundTrips).toBe(1)
    expect(headOf(statements[0]!)).toMatch(/^with change as/)
    expect(session).toEqual(await t.payment.retrievePaymentSession(session.id))
    expect(session).toMatchObject({ amount: "49.99", currency_code: "usd", status: "pending" })
  })

  test("not read first, a collection of another currency or one that is gone is refused as before, and nothing is written", async () => {
    const collection = await newCollection("20")
    const sessions = async () => (await t.payment.retrievePaymentCollection(collection.id, { relations: ["payment_sessions"] })).payment_sessions

    const otherCurrency = await rejection(
      t.payment.createPaymentSession(collection.id, { provider_id: SCRIPTED_PROVIDER_ID, amount: "20", currency_code: "eur" }),
    )
    expect(otherCurrency.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(otherCurrency.message).toBe(`currency_code eur does not match the currency usd of payment collection ${collection.id}`)
    expect(await sessions()).toEqual([])

    const gone = await rejection(t.payment.createPaymentSession("pay_col_missing", { provider_id: SCRIPTED_PROVIDER_ID, amount: "20", currency_code: "usd" }))
    expect(gone.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(gone.message).toBe("PaymentCollection with id: pay_col_missing was not found")
  })

  test("authorizing takes two statements and no transaction: the session claimed, then one write", async () => {
    const collection = await newCollection("30")
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: SCRIPTED_PROVIDER_ID })

    const { result: payment, statements, transactions, roundTrips } = await countRoundTrips(t.app.database, () =>
      t.payment.authorizePaymentSession(session.id),
    )

    expect({ roundTrips, transactions }).toEqual({ roundTrips: 2, transactions: 0 })
    expect(statements.map(headOf)).toEqual([expect.stringMatching(/^with current as/), expect.stringMatching(/^with change as/)])
    expect(payment).toEqual(await t.payment.retrievePayment(payment.id))
    expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({ status: "authorized", authorized_amount: "30" })
  })

  test("a session already authorized answers its payment from the claim's statement alone", async () => {
    const collection = await newCollection("12")
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM })
    const first = await t.payment.authorizePaymentSession(session.id)

    const { result: again, roundTrips } = await countRoundTrips(t.app.database, () => t.payment.authorizePaymentSession(session.id))

    expect(roundTrips).toBe(1)
    expect(again).toEqual(first)
  })

  test("a refused authorization records the provider's answer in one statement and fails", async () => {
    const collection = await newCollection("30")
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: SCRIPTED_PROVIDER_ID, data: { authorize: "requires_more" } })

    const { result, roundTrips } = await countRoundTrips(t.app.database, () =>
      t.payment.authorizePaymentSession(session.id).catch((error: unknown) => error),
    )

    expect(roundTrips).toBe(2)
    expect(result).toMatchObject({ type: "not_allowed", code: "payment_requires_more_error" })
    expect((await t.payment.retrievePaymentSession(session.id)).status).toBe("requires_more")
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toEqual([])
    expect((await t.payment.retrievePaymentCollection(collection.id)).status).toBe("awaiting")
  })

  test("a provider that captures on authorization: payment, capture and collection are the same one write", async () => {
    const collection = await newCollection("19.99")
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: SCRIPTED_PROVIDER_ID, data: { authorize: "captured" } })

    const { result: payment, roundTrips } = await countRoundTrips(t.app.database, () => t.payment.authorizePaymentSession(session.id))

    expect(roundTrips).toBe(2)
    expect((await t.payment.listCaptures({ payment_id: payment.id })).map((capture) => capture.amount)).toEqual(["19.99"])
    expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({ status: "completed", captured_amount: "19.99" })
  })
})

describe("concurrency", () => {
  test("concurrent authorizations of one session ask its provider once and make one payment", async () => {
    const collection = await newCollection("40")
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: SLOW_PROVIDER_ID })
    SlowProvider.authorizations = 0

    const payments = await Promise.all(Array.from({ length: 5 }, () => t.payment.authorizePaymentSession(session.id)))

    expect(SlowProvider.authorizations).toBe(1)
    expect(new Set(payments.map((payment) => payment.id)).size).toBe(1)
    expect(payments[0]).toEqual(payments[4])
    expect(await t.payment.listPayments({ payment_collection_id: collection.id })).toHaveLength(1)
    expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({ status: "authorized", authorized_amount: "40" })
  })

  test("sessions of one collection authorized at once add up: the collection is authorized for their sum", async () => {
    const collections = await Promise.all(Array.from({ length: 5 }, () => newCollection("100")))
    const sessions = await Promise.all(
      collections.flatMap((collection) =>
        ["10.5", "20", "30", "39.5"].map((amount) => t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM, amount })),
      ),
    )

    await Promise.all(sessions.map((session) => t.payment.authorizePaymentSession(session.id)))

    for (const collection of collections) {
      expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({ status: "authorized", authorized_amount: "100" })
    }
  })

  test("sessions opened, authorized and captured at once on one collection leave totals equal to a recount", async () => {
    const collection = await newCollection("100")
    const early = await Promise.all(["25", "25"].map((amount) => t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM, amount })))
    const paid = await t.payment.authorizePaymentSession(early[0]!.id)

    await Promise.all([
      t.payment.authorizePaymentSession(early[1]!.id),
      t.payment.capturePayment({ payment_id: paid.id, amount: "10" }),
      ...["20", "30"].map(async (amount) => {
        const session = await t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM, amount })
        await t.payment.authorizePaymentSession(session.id)
      }),
      t.payment.capturePayment({ payment_id: paid.id, amount: "5" }),
    ])

    const totals = await storedAndRecounted(collection.id)
    expect(totals).toEqual({ status: "authorized", authorized: "100", captured: "15", authorized_recount: "100", captured_recount: "15" })
  })

  test("a canceled payment takes its amount off the collection, and a new session then counts again", async () => {
    const collection = await newCollection("50")
    const first = await t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM })
    const payment = await t.payment.authorizePaymentSession(first.id)
    await t.payment.cancelPayment(payment.id)
    expect(await t.payment.retrievePaymentCollection(collection.id)).toMatchObject({ status: "canceled", authorized_amount: "0" })

    const second = await t.payment.createPaymentSession(collection.id, { provider_id: SYSTEM })
    expect((await t.payment.retrievePaymentCollection(collection.id)).status).toBe("awaiting")
    await t.payment.authorizePaymentSession(second.id)

    expect(await storedAndRecounted(collection.id)).toMatchObject({ status: "authorized", authorized: "50", authorized_recount: "50" })
  })
})
