import type { AgoraEvent, EventBus } from "../../src/framework/events/index.ts"

export type EventRecorder = {
  /** What was received so far. */
  readonly events: AgoraEvent[]
  /** Waits until what was published is delivered, then answers what was received. */
  drain(): Promise<AgoraEvent[]>
  /** Waits as `drain` does, then forgets what was received. */
  clear(): Promise<void>
}

/**
 * Records the events published under `names` (`"*"` for all) from now on, as a subscriber receives
 * them. What runs that already answered publish is delivered first, so it is not recorded.
 */
export async function recordEvents(bus: EventBus, names: string | readonly string[]): Promise<EventRecorder> {
  await bus.drain()
  const events: AgoraEvent[] = []
  bus.subscribe(names, ({ event }) => void events.push(event), { subscriberId: `test-recorder-${Math.random()}` })
  return {
    events,
    drain: async () => {
      await bus.drain()
      return events
    },
    clear: async () => {
      await bus.drain()
      events.splice(0)
    },
  }
}
