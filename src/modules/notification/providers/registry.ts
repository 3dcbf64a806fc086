import { z } from "zod"
import { AgoraError } from "../../../framework/errors/index.ts"
import { importProviderClass, isProviderClass, parseModuleOptions } from "../../../framework/modules/index.ts"
import { LocalNotificationProvider } from "./local.ts"
import type { NotificationProvider, NotificationProviderClass, NotificationProviderDependencies } from "./types.ts"

export const LOCAL_PROVIDER_ID = "local"

const ModuleOptions = z.object({
  providers: z
    .array(
      z.object({
        resolve: z.custom<NotificationProviderClass | string>(
          (value) => (typeof value === "string" && value !== "") || isProviderClass(value),
          { message: "must be a file to import or a notification provider class with a static identifier" },
        ),
        id: z.string().min(1),
        channels: z.array(z.string().min(1)).min(1),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
})

type Registered = { provider: NotificationProvider; channels: readonly string[] }

/**
 * The notification providers of one app, by id, and the one provider of each channel. Without
 * configured providers, the local provider serves "email".
 */
export class NotificationProviderRegistry {
  private readonly byId: Map<string, Registered>

  private constructor(byId: Map<string, Registered>) {
    this.byId = byId
  }

  /** Builds every configured provider; `rootDir` is where relative `resolve` paths start. */
  static async load(
    options: Record<string, unknown>,
    rootDir: string,
    dependencies: NotificationProviderDependencies,
  ): Promise<NotificationProviderRegistry> {
    const configs = parseModuleOptions("notification", ModuleOptions, options).providers ?? [{ resolve: LocalNotificationProvider, id: LOCAL_PROVIDER_ID, channels: ["email"] }]
    const byId = new Map<string, Registered>()
    const channelOwner = new Map<string, string>()
    for (const config of configs) {
      if (byId.has(config.id)) throw new Error(`notification module options: two providers have the id ${config.id}`)
      for (const channel of config.channels) {
        const owner = channelOwner.get(channel)
        if (owner !== undefined) {
          throw new Error(`notification module options: providers ${owner} and ${config.id} both serve the channel ${channel}`)
        }
        channelOwner.set(channel, config.id)
      }
      const Provider =
        typeof config.resolve === "string"
          ? await importProviderClass<NotificationProviderClass>(config.resolve, rootDir, "notification")
          : config.resolve
      byId.set(config.id, { provider: new Provider(config.options ?? {}, dependencies), channels: config.channels })
    }
    return new NotificationProviderRegistry(byId)
  }

  /** The provider with this id; `not_found` naming it when there is none. */
  get(id: string): NotificationProvider {
    const registered = this.byId.get(id)
    if (!registered) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Notification provider with id: ${id} was not found`)
    return registered.provider
  }

  /** The id of the provider that sends on `channel`, or of `providerId` once checked to serve it. */
  providerIdFor(channel: string, providerId?: string | null): string {
    if (providerId !== undefined && providerId !== null) {
      const registered = this.byId.get(providerId)
      if (!registered) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Notification provider with id: ${providerId} was not found`)
      if (!registered.channels.includes(channel)) {
        throw new AgoraError(AgoraError.Types.INVALID_DATA, `Notification provider ${providerId} does not serve the channel ${channel}`)
      }
      return providerId
    }
    for (const [id, registered] of this.byId) if (registered.channels.includes(channel)) return id
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `No notification provider serves the channel ${channel}`)
  }
}
