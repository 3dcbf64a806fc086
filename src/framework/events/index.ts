export { EventBus, EVENT_BUS_KEY, type EventBusOptions } from "./event-bus.ts"
export { PostgresOutbox, type OutboxQuery } from "./postgres-outbox.ts"
export { loadSubscribers, type LoadedSubscriber } from "./load-subscribers.ts"
export type { AgoraEvent, EmitData, SubscriberArgs, SubscriberConfig, SubscriberHandler } from "./types.ts"
