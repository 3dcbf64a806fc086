import path from "node:path"
import type { Logger } from "pino"
import type { AgoraConfig } from "../config/index.ts"
import type { AgoraContainer } from "../container/index.ts"
import { EventBus, loadSubscribers, PostgresOutbox } from "../events/index.ts"
import type { SqlQuery } from "../orchestrator/index.ts"

export type AppEvents = {
  readonly bus: EventBus
  /** Loads `src/subscribers` and starts delivering events left in the outbox by processes that died. */
  start(): Promise<void>
  /** Stops polling and waits for deliveries in progress. */
  stop(): Promise<void>
  /**
   * Whether an event of this name has a subscriber to deliver it to. Until the subscribers are
   * loaded every name may have one: a run finished before `start` keeps its events for the poll.
   */
  listensTo(eventName: string): boolean
}

const POLL_INTERVAL_MS = 5_000

export function createAppEvents(args: {
  config: AgoraConfig
  container: AgoraContainer
  logger: Logger
  query: SqlQuery
  subscribersDir?: string | undefined
}): AppEvents {
  const { logger } = args
  const bus = new EventBus({ container: args.container, logger, outbox: new PostgresOutbox(args.query) })
  let timer: NodeJS.Timeout | undefined
  let subscribersLoaded = false
  let polling: Promise<unknown> | undefined
  const poll = () => {
    polling ??= bus
      .deliverPending()
      .catch((error: unknown) => logger.error({ err: error }, "event outbox delivery failed"))
      .finally(() => (polling = undefined))
    return polling
  }
  return {
    bus,
    async start() {
      const dir = args.subscribersDir ?? path.join(args.config.rootDir, "src", "subscribers")
      for (const subscriber of await loadSubscribers(dir)) {
        bus.subscribe(subscriber.events, subscriber.handler, { subscriberId: subscriber.subscriberId })
      }
      subscribersLoaded = true
      await poll()
      timer = setInterval(() => void poll(), POLL_INTERVAL_MS)
      timer.unref()
    },
    async stop() {
      clearInterval(timer)
      await polling
      await bus.drain()
    },
    listensTo: (eventName) => !subscribersLoaded || bus.hasSubscribers(eventName),
  }
}
