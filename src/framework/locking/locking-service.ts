import { setTimeout as sleep } from "node:timers/promises"
import { RELAXED_COMMIT } from "../database/relaxed-commit.ts"
import { AgoraError } from "../errors/index.ts"

/** The container key of the app's `LockingService` (Medusa's `locking`). */
export const LOCKING_KEY = "locking"

/** Runs one SQL statement with `?` placeholders on its own pooled connection, outside any transaction. */
export type LockQuery = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>

export type AcquireLockOptions = {
  /** Who holds the lock: the same owner may acquire it again (it is extended) and alone may release it. */
  ownerId: string
  /** Seconds after which the lock lapses if its owner never releases it (it died). Default 60. */
  expireSeconds?: number
  /** Seconds to keep trying while another owner holds the lock; 0 tries once. Default 5. */
  timeoutSeconds?: number
}

export type ReleaseLockOptions = { ownerId: string }

export type LockingServiceOptions = {
  /** Told when a release started by `releaseInBackground` fails (the lock then lapses at its expiry). */
  onBackgroundError?: (error: unknown) => void
}

const DEFAULT_EXPIRE_SECONDS = 60
const DEFAULT_TIMEOUT_SECONDS = 5
const MAX_POLL_MS = 100

/**
 * Named locks kept in PostgreSQL (table `lock`), so they hold across every process sharing the
 * database. Taking a key is one statement: an insert that, on a conflict, takes the row over only
 * when it has lapsed or is the caller's own. Several keys are taken in sorted order, so two callers
 * wanting overlapping sets wait for each other but never deadlock. A lock coordinates, it records
 * nothing: its writes commit without waiting for the disk (`RELAXED_COMMIT`), and one lost in a
 * database crash is lost with everything its holder wrote after it.
 */
export class LockingService {
  readonly #query: LockQuery
  readonly #onBackgroundError: (error: unknown) => void
  /** Releases written in the background, by key: this service's next use of the key waits for them. */
  readonly #releasing = new Map<string, Promise<void>>()

  constructor(query: LockQuery, options: LockingServiceOptions = {}) {
    this.#query = query
    this.#onBackgroundError = options.onBackgroundError ?? (() => {})
  }

  /**
   * Takes every key for `ownerId`, waiting up to `timeoutSeconds` for other owners to release them.
   * Fails with `conflict` when a key stays held, after giving back the keys this call took.
   */
  async acquire(keys: string | readonly string[], options: AcquireLockOptions): Promise<void> {
    const list = keyList(keys)
    const ownerId = requireText(options?.ownerId, "ownerId")
    const expireSeconds = positive(options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS, "expireSeconds")
    const timeoutSeconds = nonNegative(options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS, "timeoutSeconds")
    await this.#releasedInBackground(list)
    const deadline = Date.now() + timeoutSeconds * 1000
    const taken: string[] = []
    try {
      for (const key of list) {
        const outcome = await this.#acquireOne(key, ownerId, expireSeconds, deadline)
        if (outcome === "busy") {
          throw new AgoraError(
            AgoraError.Types.CONFLICT,
            `Lock "${key}" is held by another owner: not acquired within ${timeoutSeconds}s`,
          )
        }
        // A key the owner already held stays held if a later key cannot be taken.
        if (outcome === "taken") taken.push(key)
      }
    } catch (error) {
      if (taken.length > 0) await this.release(taken, { ownerId }).catch(() => {})
      throw error
    }
  }

  /** Releases the keys `ownerId` holds; true when it held every one of them. */
  async release(keys: string | readonly string[], options: ReleaseLockOptions): Promise<boolean> {
    const list = keyList(keys)
    const ownerId = requireText(options?.ownerId, "ownerId")
    await this.#releasedInBackground(list)
    const released = await this.#query<{ key: string }>(
      `delete from "lock" where "key" in (${list.map(() => "?").join(", ")}) and "owner_id" = ? returning "key", ${RELAXED_COMMIT}`,
      [...list, ownerId],
    )
    return released.length === list.length
  }

  /**
   * Releases the keys as `release` does, without waiting for the write: for an owner whose work is
   * done and who decides nothing on the outcome (a workflow's last step). Until the write is done,
   * this service's own `acquire`, `release` and `ownerOf` of those keys wait for it, so this process
   * never sees a lock held after it was given back; another process may see it held that much
   * longer, as if the release had come later. A failed write goes to `onBackgroundError`, and the
   * lock lapses at its expiry.
   */
  releaseInBackground(keys: string | readonly string[], options: ReleaseLockOptions): void {
    const list = keyList(keys)
    requireText(options?.ownerId, "ownerId")
    const written = this.release(list, options).then(
      () => {},
      (error: unknown) => this.#onBackgroundError(error),
    )
    for (const key of list) this.#releasing.set(key, written)
    void written.then(() => {
      for (const key of list) if (this.#releasing.get(key) === written) this.#releasing.delete(key)
    })
  }

  /** Resolves once every release started in the background is written (or has failed). */
  async settled(): Promise<void> {
    while (this.#releasing.size > 0) await Promise.all(this.#releasing.values())
  }

  /** Releases every lock `ownerId` holds; returns how many. */
  async releaseAll(options: ReleaseLockOptions): Promise<number> {
    const ownerId = requireText(options?.ownerId, "ownerId")
    await this.settled()
    const released = await this.#query(`delete from "lock" where "owner_id" = ? returning "key", ${RELAXED_COMMIT}`, [ownerId])
    return released.length
  }

  /** Runs `job` while holding the keys, and releases them however it ends. */
  async execute<T>(keys: string | readonly string[], job: () => Promise<T>, options: AcquireLockOptions): Promise<T> {
    await this.acquire(keys, options)
    try {
      return await job()
    } finally {
      await this.release(keys, { ownerId: options.ownerId })
    }
  }

  /** The live owner of a key, or undefined when it is free (or has lapsed). */
  async ownerOf(key: string): Promise<string | undefined> {
    const checked = requireText(key, "key")
    await this.#releasedInBackground([checked])
    const [row] = await this.#query<{ owner_id: string }>(`select "owner_id" from "lock" where "key" = ? and "expires_at" > now()`, [checked])
    return row?.owner_id
  }

  /** Waits for background releases of these keys still being written. */
  async #releasedInBackground(keys: readonly string[]): Promise<void> {
    if (this.#releasing.size === 0) return
    const pending = keys.map((key) => this.#releasing.get(key)).filter((written) => written !== undefined)
    if (pending.length > 0) await Promise.all(pending)
  }

  async #acquireOne(key: string, ownerId: string, expireSeconds: number, deadline: number): Promise<"taken" | "held" | "busy"> {
    let pollMs = 10
    for (;;) {
      // "before" reads the row as it was when the statement started: was the lock already ours?
      const [row] = await this.#query<{ held: boolean }>(
        `with "before" as (select "owner_id" = ? and "expires_at" > now() as "held" from "lock" where "key" = ?)
         insert into "lock" ("key", "owner_id", "expires_at") values (?, ?, now() + ?::double precision * interval '1 second')
         on conflict ("key") do update set "owner_id" = excluded."owner_id", "expires_at" = excluded."expires_at"
         where "lock"."expires_at" <= now() or "lock"."owner_id" = excluded."owner_id"
         returning coalesce((select "held" from "before"), false) as "held", ${RELAXED_COMMIT}`,
        [ownerId, key, key, ownerId, expireSeconds],
      )
      if (row !== undefined) return row.held ? "held" : "taken"
      const left = deadline - Date.now()
      if (left <= 0) return "busy"
      // Jittered, growing waits: many waiters on one key do not poll in lockstep.
      await sleep(Math.min(left, pollMs * (0.5 + Math.random())))
      pollMs = Math.min(pollMs * 2, MAX_POLL_MS)
    }
  }
}

function keyList(keys: string | readonly string[]): string[] {
  const list = typeof keys === "string" ? [keys] : [...(keys ?? [])]
  if (list.length === 0) throw new AgoraError(AgoraError.Types.INVALID_DATA, "Lock keys are required: at least one key")
  for (const key of list) requireText(key, "Lock key")
  return [...new Set(list)].sort()
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field} must be a non-empty string, got ${JSON.stringify(value) ?? String(value)}`)
  }
  return value
}

function positive(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field} must be a number of seconds greater than 0, got ${String(value)}`)
  }
  return value
}

function nonNegative(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field} must be a number of seconds of 0 or more, got ${String(value)}`)
  }
  return value
}
