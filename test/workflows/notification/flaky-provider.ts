import type { NotificationProvider, ProviderSendInput, ProviderSendOutput } from "../../../src/modules/notification/index.ts"

/** A provider whose next `failures` sends fail as a mail server would; it records every call. */
export class FlakyNotificationProvider implements NotificationProvider {
  static readonly identifier = "flaky"

  failures = 0
  readonly calls: ProviderSendInput[] = []

  async send(notification: ProviderSendInput): Promise<ProviderSendOutput> {
    this.calls.push(notification)
    if (this.failures > 0) {
      this.failures--
      throw new Error("421 mail service not available")
    }
    return { id: `flaky_${this.calls.length}` }
  }
}
