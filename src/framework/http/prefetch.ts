import type { FastifyRequest } from "fastify"

/**
 * A read a route starts as its request arrives, while the area's guard (the publishable key, a
 * token) and the validation still run, so that its round trip overlaps theirs. A route file exports
 * it as `prefetch`, keyed by method (`export const prefetch = { POST: readCartOwner }`). Only reads
 * belong there: a request refused meanwhile drops the result unread. What it reads by (a path
 * parameter, a body field) is not validated yet: it returns undefined when that is not what it
 * expects, and its consumer takes the result with `takePrefetched` only if it is the one it wants.
 */
export type Prefetch = (req: FastifyRequest) => Promise<unknown> | undefined

/**
 * Starts the route's prefetch. What it answers goes to `req.prefetched`; a read that failed answers
 * undefined there, and its consumer reads again (and meets the error itself, if it persists).
 */
export function startPrefetch(prefetch: Prefetch, req: FastifyRequest): void {
  let started: Promise<unknown> | undefined
  try {
    started = prefetch(req)
  } catch {
    return
  }
  req.prefetched = started?.then(
    (value) => value,
    () => undefined,
  )
}

/**
 * The route's prefetched result when `wanted` says it is the read the caller would make, taken
 * once: a later check in the same request reads afresh. Undefined otherwise (no prefetch, another
 * read, or a read that failed): the caller then reads for itself.
 */
export async function takePrefetched<T>(req: Pick<FastifyRequest, "prefetched">, wanted: (value: unknown) => value is T): Promise<T | undefined> {
  const value = await req.prefetched
  if (!wanted(value)) return undefined
  req.prefetched = undefined
  return value
}
