import type { Logger } from "../../../framework/app/index.ts"

/** What a provider is asked to send. */
export type ProviderSendInput = {
  to: string
  channel: string
  template: string
  data: Record<string, unknown>
  /** The notification's id: a provider may use it as its own idempotency key. */
  notification_id: string
}

export type ProviderSendOutput = { id?: string | undefined }

/**
 * A notification provider: the service behind a channel (an email API, an SMS gateway). A class
 * implementing it declares a static `identifier` and is configured for one or more channels.
 */
export type NotificationProvider = {
  send(notification: ProviderSendInput): Promise<ProviderSendOutput>
}

export type NotificationProviderDependencies = { logger: Logger }

export type NotificationProviderClass = {
  readonly identifier: string
  new (options: Record<string, unknown>, dependencies: NotificationProviderDependencies): NotificationProvider
}

/**
 * One entry of the module's `providers` option: the provider class (or the path of a file whose
 * default export is one, relative to the project root), its id, the channels it serves, its options.
 */
export type NotificationProviderConfig = {
  resolve: NotificationProviderClass | string
  id: string
  channels: string[]
  options?: Record<string, unknown>
}

export type NotificationModuleOptions = { providers?: NotificationProviderConfig[] }
