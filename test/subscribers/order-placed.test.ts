import { Writable } from "node:stream"
import pino from "pino"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import type { NotificationModuleService } from "../../src/modules/notification/index.ts"
import type { OrderModuleService } from "../../src/modules/order/index.ts"
import orderPlacedHandler from "../../src/subscribers/order-placed.ts"
import { countStatements } from "../setup/count-statements.ts"
import { DEFAULT_MODULES, startTestApp } from "../setup/test-app.ts"
import type { TestApp } from "../setup/test-app.ts"
import { FlakyNotificationProvider } from "../workflows/notification/flaky-provider.ts"

type LogLine = { level: number; msg: string; subscriberId?: string; attempts?: number; err?: { message: string } }

/** The app with src/subscribers loaded, its email sent by the flaky provider, and what it logs. */
async function startShop() {
  const logs: LogLine[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(JSON.parse(chunk.toString()) as LogLine)
      done()
    },
  })
  const t = await startTestApp(
    {
      modules: [
        ...DEFAULT_MODULES,
        { resolve: "./src/modules/order" },
        {
          resolve: "./src/modules/notification",
          options: { providers: [{ resolve: FlakyNotificationProvider, id: "mailer", channels: ["email"] }] },
        },
      ],
    },
    { logger: pino({ level: "info" }, stream) },
  )
  await t.app.events.start()
  const notifications = t.app.container.resolve<NotificationModuleService>("notification")
  const mailer = (await notifications.getProvider("mailer")) as FlakyNotificationProvider
  return { t, logs, notifications, mailer, orders: t.app.container.resolve<OrderModuleService>("order") }
}

let shop: Awaited<ReturnType<typeof startShop>>
beforeAll(async () => {
  shop = await startShop()
})
afterAll(() => shop?.t.close())
beforeEach(() => {
  shop.mailer.calls.length = 0
  shop.mailer.failures = 0
  shop.logs.length = 0
})

async function anOrder(email: string | null) {
  return shop.orders.createOrders({
    currency_code: "eur",
    email,
    items: [{ title: "Oak table", product_title: "Oak table", variant_title: "Natural", quantity: 2, unit_price: 199.5 }],
  })
}

async function placed(orderId: string) {
  await shop.t.app.events.bus.emit({ name: "order.placed", data: { id: orderId } })
  await shop.t.app.events.bus.drain()
}

describe("order.placed → order confirmation email", () => {
  test("the customer gets one order-placed notification with the order's details", async () => {
    const order = await anOrder("ada@example.com")

    await placed(order.id)

    const sent = await shop.notifications.listNotifications({ resource_id: order.id })
    expect(sent).toEqual([
      expect.objectContaining({
        to: "ada@example.com",
        channel: "email",
        template: "order-placed",
        provider_id: "mailer",
        status: "success",
        trigger_type: "order.placed",
        resource_type: "order",
        idempotency_key: `order-placed-${order.id}`,
      }),
    ])
    expect(sent[0]!.data).toMatchObject({
      order: {
        id: order.id,
        display_id: order.display_id,
        email: "ada@example.com",
        currency_code: "eur",
        total: 399,
        items: [{ title: "Oak table", product_title: "Oak table", variant_title: "Natural", quantity: 2, unit_price: 199.5, total: 399 }],
      },
    })
    expect(shop.mailer.calls.map((call) => [call.to, call.template])).toEqual([["ada@example.com", "order-placed"]])
  })

  test("the order, with its lines, shipping and addresses, is read in one statement", async () => {
    const order = await shop.orders.createOrders({
      currency_code: "eur",
      email: "ada@example.com",
      shipping_address: { first_name: "Ada", city: "London", country_code: "gb" },
      billing_address: { first_name: "Ada", city: "London", country_code: "gb" },
      items: [
        { title: "Oak table", quantity: 1, unit_price: 199.5 },
        { title: "Oak chair", quantity: 4, unit_price: 49 },
      ],
      shipping_methods: [{ name: "Freight", amount: 30 }],
    })
    const event = { id: "evt_read_once", name: "order.placed", data: { id: order.id } }

    const { statements } = await countStatements(shop.t.app.database, () => orderPlacedHandler({ event, container: shop.t.app.container }))

    expect(statements.filter((sql) => /from "order(_[a-z_]+)?"/.test(sql))).toHaveLength(1)
    const [sent] = await shop.notifications.listNotifications({ resource_id: order.id })
    expect(sent!.data).toMatchObject({
      order: { total: 425.5, shipping_total: 30, items: [{ title: "Oak table", total: 199.5 }, { title: "Oak chair", total: 196 }], shipping_address: { city: "London" } },
    })
  })

  test("the event delivered twice still sends one email", async () => {
    const order = await anOrder("grace@example.com")

    await placed(order.id)
    await placed(order.id)

    expect(await shop.notifications.listNotifications({ resource_id: order.id })).toHaveLength(1)
    expect(shop.mailer.calls).toHaveLength(1)
  })

  test("an order without an email sends nothing and says why", async () => {
    const order = await anOrder(null)

    await placed(order.id)

    expect(await shop.notifications.listNotifications({ resource_id: order.id })).toEqual([])
    expect(shop.logs).toContainEqual(expect.objectContaining({ msg: `order.placed: order ${order.id} has no email; no confirmation sent` }))
  })

  test("a mailer that keeps failing is retried, then logged; the emitter never fails", async () => {
    const order = await anOrder("linus@example.com")
    shop.mailer.failures = Number.POSITIVE_INFINITY

    await expect(shop.t.app.events.bus.emit({ name: "order.placed", data: { id: order.id } })).resolves.toBeUndefined()
    await shop.t.app.events.bus.drain()

    // One attempt and three retries, all on the one notification the order's key names.
    expect(shop.mailer.calls).toHaveLength(4)
    const [notification] = await shop.notifications.listNotifications({ resource_id: order.id })
    expect(notification).toMatchObject({ status: "failure", idempotency_key: `order-placed-${order.id}` })
    expect(await shop.notifications.listNotifications({ resource_id: order.id })).toHaveLength(1)
    const failure = shop.logs.find((line) => line.msg === "subscriber order-placed failed on order.placed")
    expect(failure).toMatchObject({ level: 50, subscriberId: "order-placed", attempts: 4 })
    expect(failure?.err?.message).toContain("was not sent by provider mailer: 421 mail service not available")
  })

  test("a mailer that fails twice then recovers delivers the email on a retry", async () => {
    const order = await anOrder("margaret@example.com")
    shop.mailer.failures = 2

    await placed(order.id)

    expect(shop.mailer.calls).toHaveLength(3)
    expect(await shop.notifications.listNotifications({ resource_id: order.id })).toEqual([
      expect.objectContaining({ status: "success", external_id: "flaky_3", to: "margaret@example.com" }),
    ])
    expect(shop.logs.filter((line) => line.level >= 50)).toEqual([])
  })
})
