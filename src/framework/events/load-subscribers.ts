import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { SubscriberConfig, SubscriberHandler } from "./types.ts"

export type LoadedSubscriber = {
  readonly events: readonly string[]
  readonly subscriberId: string
  readonly handler: SubscriberHandler
}

/**
 * The subscribers of a folder: each file exports a default `async ({ event, container }) => {}`
 * and `config = { event: "order.placed" | string[], context?: { subscriberId } }`.
 */
export async function loadSubscribers(dir: string): Promise<LoadedSubscriber[]> {
  if (!existsSync(dir)) return []
  const files = readdirSync(dir)
    .filter((file) => /\.(ts|js|mts|mjs)$/.test(file) && !/\.(d|test|spec)\.[mc]?[tj]s$/.test(file))
    .sort()
  const loaded: LoadedSubscriber[] = []
  for (const file of files) {
    const exported: { default?: unknown; config?: Partial<SubscriberConfig> } = await import(pathToFileURL(path.join(dir, file)).href)
    const where = `Subscriber ${path.join(path.basename(dir), file)}`
    if (typeof exported.default !== "function") throw new Error(`${where} must export a default async function ({ event, container })`)
    const event = exported.config?.event
    const events = typeof event === "string" ? [event] : Array.isArray(event) ? event : []
    if (events.length === 0 || events.some((name) => typeof name !== "string" || name === "")) {
      throw new Error(`${where} must export config = { event: "<event name>" | string[] }`)
    }
    loaded.push({
      events,
      subscriberId: exported.config?.context?.subscriberId ?? path.parse(file).name,
      handler: exported.default as SubscriberHandler,
    })
  }
  return loaded
}
