import pino from "pino"
import { z } from "zod"
import type { Logger } from "../../framework/app/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService, projectRootOf } from "../../framework/modules/index.ts"
import type { InferCreateInput, ModuleDependencies } from "../../framework/modules/index.ts"
import { Notification } from "./models/notification.ts"
import { NotificationProviderRegistry } from "./providers/registry.ts"
import type { NotificationProvider } from "./providers/types.ts"
import type { CreateNotificationInput, NotificationDTO } from "./types.ts"

type CreateNotifications = {
  (data: CreateNotificationInput): Promise<NotificationDTO>
  (data: CreateNotificationInput[]): Promise<NotificationDTO[]>
}

type NotificationRow = InferCreateInput<typeof Notification>

const NotificationServiceBase = ModuleService({ Notification })
type GeneratedNotificationService = InstanceType<typeof NotificationServiceBase>

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

  readonly #createRows: GeneratedNotificationService["createNotifications"]
  readonly #dependencies: ModuleDependencies
  #registry: Promise<NotificationProviderRegistry> | undefined

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.#dependencies = dependencies
    const generated: GeneratedNotificationService = this
    this.#createRows = generated.createNotifications
    this.createNotifications = this.#createNotifications.bind(this) as CreateNotifications
  }

  /** The provider instance with this id (the local provider keeps what it would have sent). */
  async getProvider(id: string): Promise<NotificationProvider> {
    return (await this.#providers()).get(id)
  }

  async #createNotifications(data: CreateNotificationInput | CreateNotificationInput[]): Promise<NotificationDTO | NotificationDTO[]> {
    const inputs = Array.isArray(data) ? data : [data]
    if (inputs.length === 0) return []
    const registry = await this.#providers()
    const rows = inputs.map((input) => notificationRow(input, registry))
    const keys = rows.map((row) => row.idempotency_key).filter((key): key is string => typeof key === "string")
    const duplicate = keys.find((key, index) => keys.indexOf(key) !== index)
    if (duplicate !== undefined) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Two notifications have the idempotency_key ${duplicate}`)
    }
    const existing = new Map(
      keys.length === 0
        ? []
        : (await this.listNotifications({ idempotency_key: keys })).map((row) => [row.idempotency_key as string, row]),
    )
    const toCreate = rows.filter((row) => !existing.has(row.idempotency_key ?? ""))
    const created = toCreate.length === 0 ? [] : await this.#createRows(toCreate)
    let next = 0
    const notifications = rows.map((row) => existing.get(row.idempotency_key ?? "") ?? (created[next++] as NotificationDTO))

    const failures = await this.#send(notifications.filter((notification) => notification.status !== "success"), registry)
    if (failures.length > 0) {
      throw new AgoraError(AgoraError.Types.UNEXPECTED_STATE, failures.join("; "), "notification_failed")
    }
    const ids = notifications.map((notification) => notification.id)
    const sent = new Map((await this.listNotifications({ id: ids })).map((row) => [row.id, row]))
    const result = ids.map((id) => sent.get(id) as NotificationDTO)
    return Array.isArray(data) ? result : (result[0] as NotificationDTO)
  }

  /** Hands each notification to its provider and records the outcome; returns what failed. */
  async #send(notifications: NotificationDTO[], registry: NotificationProviderRegistry): Promise<string[]> {
    const outcomes = await Promise.allSettled(
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
    const updates = outcomes.map((outcome, index) => {
      const notification = notifications[index] as NotificationDTO
      if (outcome.status === "fulfilled") {
        return { id: notification.id, status: "success" as const, external_id: outcome.value.id ?? null }
      }
      const reason = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason)
      const what = `Notification ${notification.id} (${notification.template} to ${notification.to})`
      failures.push(`${what} was not sent by provider ${notification.provider_id}: ${reason}`)
      return { id: notification.id, status: "failure" as const }
    })
    if (updates.length > 0) await this.updateNotifications(updates)
    return failures
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

