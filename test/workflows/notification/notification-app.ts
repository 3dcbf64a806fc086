import { LocalNotificationProvider } from "../../../src/modules/notification/index.ts"
import type { NotificationModuleService } from "../../../src/modules/notification/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { FlakyNotificationProvider } from "./flaky-provider.ts"

export type NotificationApp = {
  t: TestApp
  notifications: NotificationModuleService
  local: LocalNotificationProvider
  flaky: FlakyNotificationProvider
}

/** An app whose notification module sends email through the local provider and sms through a flaky one. */
export async function startNotificationApp(): Promise<NotificationApp> {
  const t = await startTestApp({
    modules: [
      ...DEFAULT_MODULES,
      {
        resolve: "./src/modules/notification",
        options: {
          providers: [
            { resolve: LocalNotificationProvider, id: "local", channels: ["email"] },
            { resolve: FlakyNotificationProvider, id: "flaky", channels: ["sms"] },
          ],
        },
      },
    ],
  })
  const notifications = t.app.container.resolve<NotificationModuleService>("notification")
  const local = (await notifications.getProvider("local")) as LocalNotificationProvider
  const flaky = (await notifications.getProvider("flaky")) as FlakyNotificationProvider
  return { t, notifications, local, flaky }
}

/** Forgets what the providers were asked, and lets the flaky one succeed again. */
export function resetProviders({ local, flaky }: Pick<NotificationApp, "local" | "flaky">): void {
  local.sent.length = 0
  flaky.calls.length = 0
  flaky.failures = 0
}
