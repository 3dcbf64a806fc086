import pino from "pino"
import { z } from "zod"
import type { Logger } from "../../framework/app/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService, projectRootOf } from "../../framework/modules/index.ts"
import type { ModuleDependencies } from "../../framework/modules/index.ts"
import { Notification } from "./models/notification.ts"
import { recordNotifications, recordOutcomes } from "./notification-statements.ts"
import type { NotificationRow, RecordedNotification, SendOutcome } from "./notification-statements.ts"
import { NotificationProviderRegistry } from "./providers/registry.ts"
import type { NotificationProvider } from "./providers/types.ts"
import type { CreateNotificationInput, NotificationDTO } from "./types.ts"

type CreateNotifications = {
  (data: CreateNotificationInput): Promise<NotificationDTO>
  (data: CreateNotificationInput[]): Promise<NotificationDTO[]>
}

const NotificationServiceBase = ModuleService({ Notification })

const Email = z.email()

/**
 * Notifications and the providers that send them. `createNotifications` records each notification
 * and hands it to its channel's provider; the row keeps the outcome (`success` with the provider's
 * `external_id`, or `failure`).
 */
export class NotificationModuleService extends NotificationServiceBase {
  // The generated create is an own property, which a prototype method cannot replace: it is typed
  // here and assigned in the constructor, over the generated one.
  /**
   * Records and sends notifications. A failed send leaves its row as `failure` and fails the call,
   * naming the notification and its provider; calling again with the same `idempotency_key` sends
   * that row again, while a key already sent returns its notification without sending.
   */
  declare createNotifications: CreateNotifications

  readonly #dependencies: ModuleDependencies
  #registry: Promise<NotificationProviderRegistry> | undefined

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.#dependencies = dependencies
    this.createNotifications = this.#createNotifications.bind(this) as CreateNotifications
  }

  /** The provider instance with this id (the local provider keeps what it would have sent). */
  async getProvider(id: string): Promise<NotificationProvider> {
    return (await this.#providers()).get(id)
  }

  async #createNotifications(data: CreateNotificationInput | CreateNotificationInput[]): Promise<NotificationDTO | NotificationDTO[]> {
    const result = (await this.sendNotifications(Array.isArray(data) ? data : [data])).map(({ notification }) => notification)
    return Array.isArray(data) ? result : (result[0] as NotificationDTO)
  }

  /**
   * Records and sends notifications as `createNotifications` does, and answers for each whether this
   * call created it (false: its idempotency_key named one recorded earlier). One statement records
   * them (or finds them by key), one records what the providers answered.
   */
  async sendNotifications(inputs: CreateNotificationInput[]): Promise<RecordedNotification[]> {
    if (inputs.length === 0) return []
    const registry = await this.#providers()
    const rows = inputs.map((input) => notificationRow(input, registry))
    const keys = rows.map((row) => row.idempotency_key).filter((key): key is string => typeof key === "string")
    const duplicate = keys.find((key, index) => keys.indexOf(key) !== index)
    if (duplicate !== undefined) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Two notifications have the idempotency_key ${duplicate}`)
    }
    const recorded = await recordNotifications(this.database, rows)
    const unsent = recorded.map(({ notification }) => notification).filter((notification) => notification.status !== "success")
    const { outcomes, failures } = await this.#send(unsent, registry)
    const sent = await recordOutcomes(this.database, outcomes)
    if (failures.length > 0) {
      throw new AgoraError(AgoraError.Types.UNEXPECTED_STATE, failures.join("; "), "notification_failed")
    }
    return recorded.map(({ notification, created }) => ({ notification: sent.get(notification.id) ?? notification, created }))
  }

  /** Hands each notification to its provider; answers the outcomes to record and what failed. */
  async #send(
    notifications: NotificationDTO[],
    registry: NotificationProviderRegistry,
  ): Promise<{ outcomes: SendOutcome[]; failures: string[] }> {
    const settled = await Promise.allSettled(
      notifications.map(async (notification) =>
        registry.get(notification.provider_id).send({
          to: notification.to,
          channel: notification.channel,
          template: notification.template,
          data: notification.data ?? {},
          notification_id: notification.id,
        }),
      ),
    )
    const failures: string[] = []
    const outcomes = settled.map((outcome, index): SendOutcome => {
      const notification = notifications[index] as NotificationDTO
      if (outcome.status === "fulfilled") return { id: notification.id, status: "success", external_id: outcome.value.id ?? null }
      const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)
      const what = `Notification ${notification.id} (${notification.template} to ${notification.to})`
      failures.push(`${what} was not sent by provider ${notification.provider_id}: ${reason}`)
      return { id: notification.id, status: "failure" }
    })
    return { outcomes, failures }
  }

  /** Providers are built on first use: they may be files to import. */
  #providers(): Promise<NotificationProviderRegistry> {
    this.#registry ??= NotificationProviderRegistry.load(this.options, projectRootOf(this.#dependencies), {
      logger: loggerOf(this.#dependencies),
    }).catch((error: unknown) => {
      this.#registry = undefined
      throw error
    })
    return this.#registry
  }
}

function notificationRow(input: CreateNotificationInput, registry: NotificationProviderRegistry): NotificationRow {
  if (typeof input !== "object" || input === null) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "A notification must be an object")
  }
  for (const field of ["to", "channel", "template"] as const) {
    if (typeof input[field] !== "string" || input[field].trim() === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Notification ${field} is required`)
    }
  }
  if (input.channel === "email" && !Email.safeParse(input.to).success) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Notification to must be an email address on the email channel, got ${input.to}`)
  }
  const data = input.data ?? null
  if (data !== null && (typeof data !== "object" || Array.isArray(data))) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "Notification data must be an object")
  }
  return {
    to: input.to,
    channel: input.channel,
    template: input.template,
    data,
    provider_id: registry.providerIdFor(input.channel, input.provider_id),
    trigger_type: input.trigger_type ?? null,
    resource_id: input.resource_id ?? null,
    resource_type: input.resource_type ?? null,
    receiver_id: input.receiver_id ?? null,
    idempotency_key: input.idempotency_key ?? null,
  }
}

/** A dependency that may be missing: the container's cradle throws on unknown keys, a plain object does not. */
function optional(dependencies: ModuleDependencies, key: string): unknown {
  return Object.getOwnPropertyDescriptor(dependencies, key) ? dependencies[key] : undefined
}

function loggerOf(dependencies: ModuleDependencies): Logger {
  const logger = optional(dependencies, "logger")
  if (typeof logger === "object" && logger !== null && "info" in logger) return logger as Logger
  return pino({ level: "silent" })
}

