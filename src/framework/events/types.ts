import type { AwilixContainer } from "awilix"

/** What `eventBus.emit()` takes: `{ name: "order.placed", data: { id } }`. */
export type EmitData = {
  readonly name: string
  readonly data?: unknown
  readonly metadata?: Readonly<Record<string, unknown>> | undefined
}

/** An event as subscribers receive it. */
export type AgoraEvent<TData = unknown> = {
  readonly id: string
  readonly name: string
  readonly data: TData
  readonly metadata?: Readonly<Record<string, unknown>> | undefined
}

export type SubscriberArgs<TData = unknown> = { readonly event: AgoraEvent<TData>; readonly container: AwilixContainer }

export type SubscriberHandler<TData = unknown> = (args: SubscriberArgs<TData>) => Promise<void> | void

/** What a file of `src/subscribers` exports as `config`. */
export type SubscriberConfig = {
  readonly event: string | readonly string[]
  readonly context?: { readonly subscriberId?: string }
}
