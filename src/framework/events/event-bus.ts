import type { AwilixContainer } from "awilix"
import type { Logger } from "pino"
import { ulid } from "../ids/index.ts"
import { currentEventBuffer, enableEventHolding } from "../orchestrator/index.ts"
import type { PostgresOutbox } from "./postgres-outbox.ts"
import type { AgoraEvent, EmitData, SubscriberHandler } from "./types.ts"

export const EVENT_BUS_KEY = "eventBus"

export type EventBusOptions = {
  readonly container: AwilixContainer
  readonly logger: Logger
  /** Where events wait until delivered; without one, delivery is best-effort in this process. */
  readonly outbox?: PostgresOutbox | undefined
  /** Extra attempts of a failing subscriber. Default 3. */
  readonly maxRetries?: number
  /** Milliseconds before the first retry, doubling after each. Default 200. */
  readonly retryDelayMs?: number
}

type Subscription = { readonly subscriberId: string; readonly handler: SubscriberHandler }

/**
 * Publishes events to subscribers. Inside a workflow step, `emit` holds the events with the step,
 * and the engine publishes them when the run succeeds (never when it rolls back); elsewhere they
 * are published at once. Delivery is at least once: a subscriber that fails is retried with
 * backoff, then logged with the event; it never fails the emitter or the other subscribers.
 */
export class EventBus {
  readonly #container: AwilixContainer
  readonly #logger: Logger
  readonly #outbox: PostgresOutbox | undefined
  readonly #maxRetries: number
  readonly #retryDelayMs: number
  readonly #subscriptions = new Map<string, Subscription[]>()
  readonly #inflight = new Set<Promise<void>>()
  readonly #publishers: (() => Promise<void>)[] = []

  constructor(options: EventBusOptions) {
    this.#container = options.container
    this.#logger = options.logger
    this.#outbox = options.outbox
    this.#maxRetries = options.maxRetries ?? 3
    this.#retryDelayMs = options.retryDelayMs ?? 200
    enableEventHolding()
  }

  subscribe(names: string | readonly string[], handler: SubscriberHandler, options: { subscriberId: string }): void {
    for (const name of typeof names === "string" ? [names] : names) {
      const list = this.#subscriptions.get(name) ?? []
      if (list.some((s) => s.subscriberId === options.subscriberId)) {
        throw new Error(`A subscriber "${options.subscriberId}" already listens to "${name}"`)
      }
      this.#subscriptions.set(name, [...list, { subscriberId: options.subscriberId, handler }])
    }
  }

  async emit(data: EmitData | readonly EmitData[]): Promise<void> {
    const events: AgoraEvent[] = (Array.isArray(data) ? data : [data as EmitData]).map((e) => {
      if (typeof e.name !== "string" || e.name === "") throw new Error("An event needs a name")
      return { id: `evt_${ulid()}`, name: e.name, data: e.data ?? null, ...(e.metadata === undefined ? {} : { metadata: e.metadata }) }
    })
    const held = currentEventBuffer()
    if (held !== undefined) {
      held.push(...events)
      return
    }
    await this.#outbox?.add(events)
    this.deliver(events)
  }

  /** Whether some subscription (by name, or `*`) would receive an event of this name. */
  hasSubscribers(eventName: string): boolean {
    return (this.#subscriptions.get(eventName)?.length ?? 0) > 0 || (this.#subscriptions.get("*")?.length ?? 0) > 0
  }

  /** Delivers events already stored (or not to be stored) in the background. */
  deliver(events: readonly AgoraEvent[]): void {
    if (events.length === 0) return
    const delivery = this.#deliverAll(events).finally(() => this.#inflight.delete(delivery))
    this.#inflight.add(delivery)
  }

  /** Delivers what the outbox holds that nobody is delivering: left by a process that died. */
  async deliverPending(limit = 100): Promise<number> {
    if (this.#outbox === undefined) return 0
    const events = await this.#outbox.claimDue(limit)
    await this.#deliverAll(events)
    return events.length
  }

  /**
   * Makes `drain` wait for something that hands events to `deliver` later: the workflow engine,
   * whose runs answered before their end is written publish their events once it is.
   */
  addPublisher(settled: () => Promise<void>): void {
    this.#publishers.push(settled)
  }

  /** Waits for deliveries in progress, and for those the publishers are about to start (tests, shutdown). */
  async drain(): Promise<void> {
    for (;;) {
      for (const settled of this.#publishers) await settled()
      if (this.#inflight.size === 0) return
      while (this.#inflight.size > 0) await Promise.all([...this.#inflight])
    }
  }

  async #deliverAll(events: readonly AgoraEvent[]): Promise<void> {
    for (const event of events) {
      const subscribers = [...(this.#subscriptions.get(event.name) ?? []), ...(this.#subscriptions.get("*") ?? [])]
      await Promise.all(subscribers.map((subscription) => this.#deliverTo(subscription, event)))
    }
    try {
      await this.#outbox?.remove(events.map((e) => e.id))
    } catch (error) {
      // Still claimed: delivered again once the claim lapses, which at-least-once allows.
      this.#logger.error({ err: error }, "could not mark events delivered")
    }
  }

  async #deliverTo(subscription: Subscription, event: AgoraEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await subscription.handler({ event, container: this.#container })
        return
      } catch (error) {
        if (attempt >= this.#maxRetries) {
          this.#logger.error(
            { err: error, event: { id: event.id, name: event.name, data: event.data }, subscriberId: subscription.subscriberId, attempts: attempt + 1 },
            `subscriber ${subscription.subscriberId} failed on ${event.name}`,
          )
          return
        }
        await new Promise((resolve) => setTimeout(resolve, this.#retryDelayMs * 2 ** attempt))
      }
    }
  }
}
