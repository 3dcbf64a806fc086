import path from "node:path"
import pino from "pino"
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest"
import { JobRunStore, JobScheduler, loadJobs } from "../../src/framework/jobs/index.ts"
import type { ScheduledJob } from "../../src/framework/jobs/index.ts"
import type { LinkService } from "../../src/framework/modules/index.ts"
import { ManualClock } from "../../src/framework/orchestrator/index.ts"
import type { CartModuleService } from "../../src/modules/cart/index.ts"
import { SystemPaymentProvider } from "../../src/modules/payment/index.ts"
import type { PaymentModuleService, PaymentOperationOutput, PaymentProvider, ProviderData } from "../../src/modules/payment/index.ts"
import { DEFAULT_MODULES, PROJECT_ROOT, startTestApp } from "../setup/test-app.ts"
import type { TestApp } from "../setup/test-app.ts"

const HOUR = 3_600_000
const T0 = Date.UTC(2026, 0, 1)

/** What the provider was told to drop, by session data. */
const droppedByProvider: ProviderData[] = []

/** The system provider's behaviour, remembering which sessions it was told to drop. */
class RecordingProvider implements PaymentProvider {
  static readonly identifier = "recording"
  readonly #system = new SystemPaymentProvider()

  initiatePayment = () => this.#system.initiatePayment()
  authorizePayment = () => this.#system.authorizePayment()
  capturePayment = () => this.#system.capturePayment()
  refundPayment = () => this.#system.refundPayment()
  cancelPayment = () => this.#system.cancelPayment()
  getPaymentStatus = () => this.#system.getPaymentStatus()

  async deletePayment(input: { data: ProviderData }): Promise<PaymentOperationOutput> {
    droppedByProvider.push(input.data)
    return {}
  }
}
const PROVIDER_ID = "pp_recording_test"

let t: TestApp
let carts: CartModuleService
let payment: PaymentModuleService
let job: ScheduledJob
let scheduler: JobScheduler
let store: JobRunStore
let clock: ManualClock
let tick = 0

beforeAll(async () => {
  t = await startTestApp({
    modules: [
      ...DEFAULT_MODULES,
      { resolve: "./src/modules/cart" },
      { resolve: "./src/modules/payment", options: { providers: [{ resolve: RecordingProvider, id: "test" }] } },
    ],
  })
  carts = t.app.container.resolve<CartModuleService>("cart")
  payment = t.app.container.resolve<PaymentModuleService>("payment")
  job = (await loadJobs(path.join(PROJECT_ROOT, "src", "jobs"))).find((j) => j.name === "cancel-unpaid-payment-sessions")!
  clock = new ManualClock(T0)
  store = new JobRunStore({ url: t.app.databaseUrl, onError: () => {} })
  scheduler = new JobScheduler({ container: t.app.container, store, clock, logger: pino({ level: "silent" }) })
  scheduler.register([job])
})
afterAll(async () => {
  await scheduler?.stop()
  await store?.close()
  await t?.close()
})
afterEach(() => {
  delete process.env.UNPAID_SESSION_TTL_HOURS
})

/** Runs the job for the next hour's tick, as the scheduler would. */
async function runJob() {
  tick++
  const [outcome] = await scheduler.runDue(T0 + tick * HOUR)
  return outcome
}

async function ageBy(hours: number, table: "cart" | "payment_session", id: string) {
  await t.app.database.execute(`update "${table}" set updated_at = now() - make_interval(hours => ?) where id = ?`, [hours, id])
}

/** A cart paid through a collection with one session; both last touched `hoursAgo` ago (the cart: `cartHoursAgo`). */
async function cartWithSession(options: { hoursAgo: number; cartHoursAgo?: number; completed?: boolean; authorized?: boolean }) {
  const cart = await carts.createCarts({ currency_code: "usd", email: "ada@example.com" })
  const collection = await payment.createPaymentCollections({ currency_code: "usd", amount: 25 })
  await t.app.container.resolve<LinkService>("link").create({
    cart: { cart_id: cart.id },
    payment: { payment_collection_id: collection.id },
  })
  const session = await payment.createPaymentSession(collection.id, { provider_id: PROVIDER_ID, data: { intent: `pi_${cart.id}` } })
  if (options.authorized) await payment.authorizePaymentSession(session.id)
  if (options.completed) await carts.updateCarts({ id: cart.id, completed_at: new Date() })
  await ageBy(options.hoursAgo, "payment_session", session.id)
  await ageBy(options.cartHoursAgo ?? options.hoursAgo, "cart", cart.id)
  return { cart, collection, session }
}

async function sessionExists(id: string) {
  return (await payment.listPaymentSessions({ id })).length === 1
}

describe("cancel-unpaid-payment-sessions", () => {
  test("is a job of src/jobs that runs every hour", () => {
    expect(job).toMatchObject({ name: "cancel-unpaid-payment-sessions", schedule: "0 * * * *", numberOfExecutions: null })
  })

  test("cancels pending sessions of open carts untouched for 24 hours, telling the provider; leaves every other session", async () => {
    const stale = await cartWithSession({ hoursAgo: 25 })
    const recent = await cartWithSession({ hoursAgo: 23 })
    const completed = await cartWithSession({ hoursAgo: 25, completed: true })
    const cartStillInUse = await cartWithSession({ hoursAgo: 25, cartHoursAgo: 1 })
    const authorized = await cartWithSession({ hoursAgo: 25, authorized: true })
    const withoutCart = await payment.createPaymentCollections({ currency_code: "usd", amount: 5 })
    const orphan = await payment.createPaymentSession(withoutCart.id, { provider_id: PROVIDER_ID })
    await ageBy(25, "payment_session", orphan.id)

    const outcome = await runJob()

    expect(outcome).toMatchObject({ job: "cancel-unpaid-payment-sessions", outcome: "succeeded" })
    expect(await sessionExists(stale.session.id)).toBe(false)
    expect((await payment.retrievePaymentCollection(stale.collection.id)).status).toBe("not_paid")
    expect(droppedByProvider).toContainEqual({ intent: `pi_${stale.cart.id}` })
    for (const kept of [recent, completed, cartStillInUse, authorized]) expect(await sessionExists(kept.session.id)).toBe(true)
    expect(await sessionExists(orphan.id)).toBe(true)
    expect((await payment.retrievePaymentSession(authorized.session.id)).status).toBe("authorized")
  })

  test("UNPAID_SESSION_TTL_HOURS sets how long a session may stay untouched", async () => {
    const day = await cartWithSession({ hoursAgo: 30 })
    const twoDays = await cartWithSession({ hoursAgo: 50 })
    process.env.UNPAID_SESSION_TTL_HOURS = "48"

    await runJob()

    expect(await sessionExists(day.session.id)).toBe(true)
    expect(await sessionExists(twoDays.session.id)).toBe(false)
  })

  test("a bad UNPAID_SESSION_TTL_HOURS fails the run, recorded with the reason, and cancels nothing", async () => {
    const stale = await cartWithSession({ hoursAgo: 25 })
    process.env.UNPAID_SESSION_TTL_HOURS = "one day"

    const outcome = await runJob()

    expect(outcome?.outcome).toBe("failed")
    const { runs: [run] } = await scheduler.listRuns("cancel-unpaid-payment-sessions", { take: 1, skip: 0 })
    expect(run?.error?.message).toBe('UNPAID_SESSION_TTL_HOURS must be a positive number of hours, got "one day"')
    expect(await sessionExists(stale.session.id)).toBe(true)
  })

  test("more stale sessions than one page are all canceled in one run", async () => {
    const stale = await Promise.all(Array.from({ length: 105 }, () => cartWithSession({ hoursAgo: 26 })))

    await runJob()

    const left = await payment.listPaymentSessions({ id: stale.map((s) => s.session.id) })
    expect(left).toEqual([])
  })
})
