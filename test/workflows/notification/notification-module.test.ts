import path from "node:path"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { LocalNotificationProvider, NotificationModuleService } from "../../../src/modules/notification/index.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { FlakyNotificationProvider } from "./flaky-provider.ts"
import { resetProviders, startNotificationApp } from "./notification-app.ts"

let t: TestApp
let notifications: NotificationModuleService
let local: LocalNotificationProvider
let flaky: FlakyNotificationProvider

beforeAll(async () => {
  ;({ t, notifications, local, flaky } = await startNotificationApp())
})
afterAll(() => t?.close())
beforeEach(() => resetProviders({ local, flaky }))

async function rejection(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.catch((e: unknown) => e)
  expect(error).toBeInstanceOf(AgoraError)
  return error as AgoraError
}

describe("createNotifications", () => {
  test("records the notification and hands it to its channel's provider, which keeps what it would send", async () => {
    const notification = await notifications.createNotifications({
      to: "ada@example.com",
      channel: "email",
      template: "order-placed",
      data: { order: { display_id: 7 } },
    })

    expect(notification.id).toMatch(/^noti_[0-9A-Z]{26}$/)
    expect(notification).toMatchObject({
      to: "ada@example.com",
      channel: "email",
      template: "order-placed",
      data: { order: { display_id: 7 } },
      provider_id: "local",
      status: "success",
      idempotency_key: null,
    })
    expect(notification.external_id).toMatch(/^local_/)
    expect(notification.created_at).toBeInstanceOf(Date)
    expect(local.sent).toEqual([
      expect.objectContaining({
        id: notification.external_id,
        notification_id: notification.id,
        to: "ada@example.com",
        template: "order-placed",
        data: { order: { display_id: 7 } },
      }),
    ])
    expect(await notifications.retrieveNotification(notification.id)).toEqual(notification)
  })

  test("a list is sent in one call, each through the provider of its channel, answered in the order given", async () => {
    const [email, sms] = await notifications.createNotifications([
      { to: "grace@example.com", channel: "email", template: "welcome" },
      { to: "+4512345678", channel: "sms", template: "shipped", data: { tracking: "TRK1" } },
    ])

    expect(email).toMatchObject({ channel: "email", provider_id: "local", status: "success", data: null })
    expect(sms).toMatchObject({ channel: "sms", provider_id: "flaky", status: "success", external_id: "flaky_1" })
    expect(flaky.calls).toEqual([
      { to: "+4512345678", channel: "sms", template: "shipped", data: { tracking: "TRK1" }, notification_id: sms!.id },
    ])
  })

  test("a key already sent returns its notification and sends nothing again", async () => {
    const input = { to: "ada@example.com", channel: "email", template: "order-placed", idempotency_key: "order-placed-order_1" }

    const first = await notifications.createNotifications(input)
    const again = await notifications.createNotifications({ ...input, template: "something-else" })

    expect(again).toEqual(first)
    expect(local.sent).toHaveLength(1)
    expect(await notifications.listNotifications({ idempotency_key: "order-placed-order_1" })).toHaveLength(1)
  })

  test("a provider that fails leaves the row as failure and fails the call naming it; the same key sends it again", async () => {
    flaky.failures = 1
    const input = { to: "+4587654321", channel: "sms", template: "shipped", idempotency_key: "shipped-ful_1" }

    const error = await rejection(notifications.createNotifications(input))
    const [failed] = await notifications.listNotifications({ idempotency_key: "shipped-ful_1" })

    expect(failed).toMatchObject({ status: "failure", external_id: null, provider_id: "flaky" })
    expect(error.type).toBe("unexpected_state")
    expect(error.code).toBe("notification_failed")
    expect(error.message).toBe(
      `Notification ${failed!.id} (shipped to +4587654321) was not sent by provider flaky: 421 mail service not available`,
    )

    const retried = await notifications.createNotifications(input)

    expect(retried).toMatchObject({ id: failed!.id, status: "success", external_id: "flaky_2" })
    expect(flaky.calls).toHaveLength(2)
  })

  test("a notification without a recipient, template or valid email, or for a channel nobody serves, is refused", async () => {
    const cases = [
      [{ to: "", channel: "email", template: "x" }, "invalid_data", "Notification to is required"],
      [{ to: "ada@example.com", channel: "email", template: " " }, "invalid_data", "Notification template is required"],
      [{ to: "ada", channel: "email", template: "x" }, "invalid_data", "Notification to must be an email address on the email channel, got ada"],
      [{ to: "ada@example.com", channel: "push", template: "x" }, "invalid_data", "No notification provider serves the channel push"],
      [{ to: "ada@example.com", channel: "email", template: "x", provider_id: "flaky" }, "invalid_data", "Notification provider flaky does not serve the channel email"],
      [{ to: "ada@example.com", channel: "email", template: "x", provider_id: "sendgrid" }, "not_found", "Notification provider with id: sendgrid was not found"],
      [{ to: "ada@example.com", channel: "email", template: "x", data: [1] }, "invalid_data", "Notification data must be an object"],
    ] as const
    for (const [input, type, message] of cases) {
      const error = await rejection(notifications.createNotifications(input as never))
      expect([error.type, error.message]).toEqual([type, message])
    }
    expect(await notifications.listNotifications({ to: ["", "ada"] })).toEqual([])
    expect(local.sent).toEqual([])
  })
})

describe("notification providers", () => {
  test("without configured providers the local provider serves email", async () => {
    const service = new NotificationModuleService({ database: t.app.database })
    expect(await service.getProvider("local")).toBeInstanceOf(LocalNotificationProvider)
  })

  test("a provider can be a file to import; two providers of one channel are refused", async () => {
    const file = path.resolve(import.meta.dirname, "../../fixtures/subscribers-project/providers/recording-provider.ts")
    const fromFile = new NotificationModuleService(
      { database: t.app.database },
      { providers: [{ resolve: file, id: "recording", channels: ["email"] }] },
    )
    const clash = new NotificationModuleService(
      { database: t.app.database },
      {
        providers: [
          { resolve: LocalNotificationProvider, id: "local", channels: ["email"] },
          { resolve: FlakyNotificationProvider, id: "flaky", channels: ["email"] },
        ],
      },
    )

    expect((await fromFile.getProvider("recording")).constructor.name).toBe("RecordingNotificationProvider")
    await expect(clash.getProvider("local")).rejects.toThrow(
      "notification module options: providers local and flaky both serve the channel email",
    )
  })
})
