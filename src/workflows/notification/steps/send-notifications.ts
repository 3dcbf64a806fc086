import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { NOTIFICATION_MODULE } from "../../../modules/notification/index.ts"
import type { CreateNotificationInput, NotificationModuleService } from "../../../modules/notification/index.ts"

export type SendNotificationsStepInput = CreateNotificationInput[]

export const sendNotificationsStepId = "send-notifications-step"

/**
 * Records and sends notifications. A step body runs at least once, so a notification without an
 * `idempotency_key` gets one from the step's own key: running the step again after a crash sends
 * nothing twice. The compensation deletes the notifications this run created; a message a provider
 * already delivered cannot be called back, which is why sending belongs at the end of a workflow.
 */
export const sendNotificationsStep = createStep(
  sendNotificationsStepId,
  async (input: SendNotificationsStepInput, { container, idempotencyKey }) => {
    if (!Array.isArray(input)) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "send-notifications takes a list of notifications")
    }
    const service = container.resolve<NotificationModuleService>(NOTIFICATION_MODULE)
    const keyed = input.map((notification, index) => ({
      ...notification,
      idempotency_key: notification.idempotency_key ?? `${idempotencyKey}:${index}`,
    }))
    const recorded = await service.sendNotifications(keyed)
    // A key the caller gave may name a notification sent before this run: not this run's to delete.
    // A key of the step's own names one this run made, perhaps in a body cut short by a crash.
    const created = recorded
      .filter(({ created }, index) => created || !input[index]?.idempotency_key)
      .map(({ notification }) => notification.id)
    const notifications = recorded.map(({ notification }) => notification)
    return new StepResponse(notifications, created)
  },
  async (created, { container }) => {
    if (!created || created.length === 0) return
    await container.resolve<NotificationModuleService>(NOTIFICATION_MODULE).deleteNotifications(created)
  },
)
