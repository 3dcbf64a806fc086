import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { createStep, createWorkflow, WorkflowError } from "../../../src/framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import type { LocalNotificationProvider, NotificationModuleService } from "../../../src/modules/notification/index.ts"
import { sendNotificationsWorkflow } from "../../../src/workflows/notification/index.ts"
import type { SendNotificationsWorkflowInput } from "../../../src/workflows/notification/index.ts"
import type { TestApp } from "../../setup/test-app.ts"
import type { FlakyNotificationProvider } from "./flaky-provider.ts"
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

async function failedRun(input: SendNotificationsWorkflowInput): Promise<WorkflowError> {
  const error = await sendNotificationsWorkflow(t.app.container)
    .run({ input })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(WorkflowError)
  return error as WorkflowError
}

const refuse = createStep("refuse-after-sending-step", async () => {
  throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "The order was canceled meanwhile")
})

/** A flow that sends, then fails: the send is compensated with the rest. */
const sendThenFail = createWorkflow("test-send-then-fail", (input: WorkflowData<SendNotificationsWorkflowInput>) => {
  sendNotificationsWorkflow.runAsStep({ input })
  refuse()
})

describe("send-notifications", () => {
  test("sends each notification and returns the stored rows", async () => {
    const { result } = await sendNotificationsWorkflow(t.app.container).run({
      input: [
        { to: "ada@example.com", channel: "email", template: "order-placed", data: { order_id: "order_1" } },
        { to: "+4512345678", channel: "sms", template: "order-shipped" },
      ],
    })

    expect(result.map((n) => [n.to, n.provider_id, n.status])).toEqual([
      ["ada@example.com", "local", "success"],
      ["+4512345678", "flaky", "success"],
    ])
    const stored = await notifications.listNotifications({ id: result.map((n) => n.id) }, { order: { to: "ASC" } })
    expect(stored.map((n) => n.template)).toEqual(["order-shipped", "order-placed"])
    expect(local.sent.map((n) => n.notification_id)).toEqual([result[0]!.id])
  })

  test("a run repeated with its transaction id sends nothing twice", async () => {
    const input = [{ to: "grace@example.com", channel: "email", template: "welcome" }]

    const first = await sendNotificationsWorkflow(t.app.container).run({ input, transactionId: "welcome-grace" })
    const again = await sendNotificationsWorkflow(t.app.container).run({ input, transactionId: "welcome-grace" })

    expect(again.result.map((n) => n.id)).toEqual(first.result.map((n) => n.id))
    expect(first.result[0]!.idempotency_key).toBe("send-notifications:welcome-grace:send-notifications-step:invoke:0")
    expect(local.sent).toHaveLength(1)
  })

  test("when a later step fails, the notifications the run created are deleted", async () => {
    const error = await sendThenFail(t.app.container)
      .run({ input: [{ to: "linus@example.com", channel: "email", template: "order-placed" }] })
      .catch((e: unknown) => e)

    expect(error).toBeInstanceOf(WorkflowError)
    expect((error as WorkflowError).stepId).toBe("refuse-after-sending-step")
    expect(await notifications.listNotifications({ to: "linus@example.com" })).toEqual([])
    // What a provider delivered cannot be called back.
    expect(local.sent.map((n) => n.to)).toEqual(["linus@example.com"])
  })

  test("a notification sent before the run under the caller's key is not deleted by its compensation", async () => {
    const input = [{ to: "margaret@example.com", channel: "email", template: "order-placed", idempotency_key: "order-placed-order_9" }]
    const { result: [sent] } = await sendNotificationsWorkflow(t.app.container).run({ input })

    await expect(sendThenFail(t.app.container).run({ input })).rejects.toThrow(WorkflowError)

    expect(await notifications.listNotifications({ idempotency_key: "order-placed-order_9" })).toEqual([sent])
    expect(local.sent).toHaveLength(1)
  })

  test("a provider that fails fails the run with its reason; the failed delivery stays recorded as failure", async () => {
    flaky.failures = 1

    const error = await failedRun([{ to: "+4511112222", channel: "sms", template: "order-shipped" }])

    expect(error.stepId).toBe("send-notifications-step")
    expect(error.cause).toMatchObject({ type: "unexpected_state", code: "notification_failed" })
    expect((error.cause as Error).message).toMatch(/was not sent by provider flaky: 421 mail service not available$/)
    const rows = await notifications.listNotifications({ to: "+4511112222" })
    expect(rows.map((n) => n.status)).toEqual(["failure"])
  })

  test("an invalid notification fails the run before anything is sent or stored", async () => {
    const error = await failedRun([
      { to: "ok@example.com", channel: "email", template: "welcome" },
      { to: "not-an-email", channel: "email", template: "welcome" },
    ])

    expect(error.cause).toMatchObject({
      type: "invalid_data",
      message: "Notification to must be an email address on the email channel, got not-an-email",
    })
    expect(await notifications.listNotifications({ to: ["ok@example.com", "not-an-email"] })).toEqual([])
    expect(local.sent).toEqual([])
  })
})
