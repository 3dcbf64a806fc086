import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { createStep, createWorkflow, WorkflowError } from "../../../src/framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import type { LocalNotificationProvider, NotificationModuleService } from "../../../src/modules/notification/index.ts"
import { sendNotificationsStep, sendNotificationsWorkflow } from "../../../src/workflows/notification/index.ts"
import type { SendNotificationsWorkflowInput } from "../../../src/workflows/notification/index.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { countRoundTrips, headOf } from "../../setup/count-statements.ts"
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

/** Runs the workflow and answers its result with the statements that touched the notification table. */
async function countedRun(input: SendNotificationsWorkflowInput) {
  const counted = await countRoundTrips(t.app.database, () =>
    sendNotificationsWorkflow(t.app.container)
      .run({ input })
      .then(({ result }) => result)
      .catch((error: unknown) => error),
  )
  return { ...counted, statements: counted.statements.filter((sql) => /\bnotification\b/.test(sql)).map(headOf) }
}

const orderPlaced = (orderId: string) => ({
  to: "ada@example.com",
  channel: "email",
  template: "order-placed",
  resource_id: orderId,
  idempotency_key: `order-placed-${orderId}`,
})

describe("round trips of send-notifications", () => {
  test("a new notification: one statement records it, one records what its provider answered", async () => {
    const { result, statements, transactions } = await countedRun([orderPlaced("order_1")])

    expect(statements).toEqual([expect.stringMatching(/^with input/), expect.stringMatching(/^update notification/)])
    expect(transactions).toBe(0)
    const [sent] = result as Awaited<ReturnType<NotificationModuleService["listNotifications"]>>
    expect(sent).toMatchObject({ status: "success", idempotency_key: "order-placed-order_1" })
    expect(sent!.external_id).toBe(local.sent[0]!.id)
    expect(await notifications.retrieveNotification(sent!.id)).toEqual(sent)
  })

  test("a key already sent: one statement finds it, nothing is sent or written", async () => {
    const { result: first } = await countedRun([orderPlaced("order_2")])

    const { result: again, statements } = await countedRun([orderPlaced("order_2")])

    expect(statements).toEqual([expect.stringMatching(/^with input/)])
    expect(again).toEqual(first)
    expect(local.sent).toHaveLength(1)
  })

  test("a provider that fails: the second statement records the failure, and the same key sends it again", async () => {
    flaky.failures = 1
    const input = [{ to: "+4511112222", channel: "sms", template: "shipped", idempotency_key: "shipped-ful_7" }]

    const { result: error, statements } = await countedRun(input)

    expect(error).toBeInstanceOf(WorkflowError)
    expect(statements).toHaveLength(2)
    const [failed] = await notifications.listNotifications({ idempotency_key: "shipped-ful_7" })
    expect(failed).toMatchObject({ status: "failure", external_id: null })

    const { result: retried } = await countedRun(input)
    expect(retried).toMatchObject([{ id: failed!.id, status: "success", external_id: "flaky_2" }])
  })

  test("a list is recorded in one statement and its outcomes in another, answered in the order given", async () => {
    const { result, statements } = await countedRun([
      { to: "grace@example.com", channel: "email", template: "welcome" },
      { to: "+4512345678", channel: "sms", template: "shipped" },
      orderPlaced("order_3"),
    ])

    expect(statements).toHaveLength(2)
    expect((result as { template: string; status: string }[]).map((n) => [n.template, n.status])).toEqual([
      ["welcome", "success"],
      ["shipped", "success"],
      ["order-placed", "success"],
    ])
  })
})

describe("idempotency", () => {
  test("concurrent calls under one key record one notification and answer it to every caller", async () => {
    const input = { to: "linus@example.com", channel: "email", template: "order-placed", idempotency_key: "order-placed-order_race" }

    const answers = await Promise.all(Array.from({ length: 8 }, () => notifications.createNotifications(input)))

    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1)
    expect(await notifications.listNotifications({ idempotency_key: input.idempotency_key })).toHaveLength(1)
    expect((await notifications.retrieveNotification(answers[0]!.id)).status).toBe("success")
  })

  test("sendNotifications tells which rows the call created", async () => {
    await notifications.createNotifications(orderPlaced("order_4"))

    const recorded = await notifications.sendNotifications([orderPlaced("order_4"), orderPlaced("order_5")])

    expect(recorded.map(({ notification, created }) => [notification.idempotency_key, created])).toEqual([
      ["order-placed-order_4", false],
      ["order-placed-order_5", true],
    ])
  })

  const refuse = createStep("refuse-after-rerun-step", async () => {
    throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "The order was canceled meanwhile")
  })
  const sendThenRefuse = createWorkflow("test-rerun-send-then-refuse", (input: WorkflowData<SendNotificationsWorkflowInput>) => {
    sendNotificationsStep(input)
    refuse()
  })

  test("a step body run again after a crash still counts what its first attempt recorded as the run's, and undoes it", async () => {
    // What the first attempt of the step recorded under the step's own key before the crash.
    const stepKey = "test-rerun-send-then-refuse:run-after-crash:send-notifications-step:invoke:0"
    await notifications.createNotifications({ to: "barbara@example.com", channel: "email", template: "welcome", idempotency_key: stepKey })

    const error = await sendThenRefuse(t.app.container)
      .run({ input: [{ to: "barbara@example.com", channel: "email", template: "welcome" }], transactionId: "run-after-crash" })
      .catch((e: unknown) => e)

    expect((error as WorkflowError).stepId).toBe("refuse-after-rerun-step")
    expect(await notifications.listNotifications({ idempotency_key: stepKey })).toEqual([])
    expect(local.sent).toHaveLength(1)
  })
})
