import type { Logger } from "../../../framework/app/index.ts"
import { ulid } from "../../../framework/ids/index.ts"
import type {
  NotificationProvider,
  NotificationProviderDependencies,
  ProviderSendInput,
  ProviderSendOutput,
} from "./types.ts"

export type LocallySentNotification = ProviderSendInput & { id: string; sent_at: Date }

/**
 * The provider used when none is configured (id `local`, channel `email`): nothing leaves the
 * process. It logs each message and keeps what it would have sent, for development and tests.
 */
export class LocalNotificationProvider implements NotificationProvider {
  static readonly identifier = "notification-local"

  /** Every message this instance was asked to send, oldest first. */
  readonly sent: LocallySentNotification[] = []
  readonly #logger: Logger

  constructor(_options: Record<string, unknown>, dependencies: NotificationProviderDependencies) {
    this.#logger = dependencies.logger
  }

  async send(notification: ProviderSendInput): Promise<ProviderSendOutput> {
    const id = `local_${ulid()}`
    this.sent.push({ ...notification, id, sent_at: new Date() })
    this.#logger.info(
      { notification_id: notification.notification_id, to: notification.to, template: notification.template },
      `Local notification provider: ${notification.channel} "${notification.template}" to ${notification.to} (not sent)`,
    )
    return { id }
  }
}
