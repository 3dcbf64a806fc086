import { spawn } from "node:child_process"
import path from "node:path"
import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { LOCKING_KEY, LockingService } from "../../../src/framework/locking/index.ts"
import type { LockQuery } from "../../../src/framework/locking/index.ts"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { poolQuery } from "./fixtures/pg-lock-query.ts"

let t: TestApp
let locking: LockingService
/** A second service on a pool of its own: what another process sharing the database sees. */
let other: LockingService
let closeOther: () => Promise<void>

beforeAll(async () => {
  t = await startTestApp()
  locking = t.app.container.resolve<LockingService>(LOCKING_KEY)
  const pool = poolQuery(t.database.url)
  other = new LockingService(pool.query)
  closeOther = pool.end
})
afterAll(async () => {
  await closeOther()
  await t.close()
})

let counter = 0
const uniqueKey = () => `cart_${++counter}`

async function rejection(promise: Promise<unknown>): Promise<AgoraError> {
  const error = await promise.then(
    () => expect.fail("expected the call to fail"),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(AgoraError)
  return error as AgoraError
}

test("the app registers the locking service and migrates its lock table", async () => {
  expect(locking).toBeInstanceOf(LockingService)
  const [table] = await t.app.database.execute<{ name: string }>(`select to_regclass('public.lock')::text as name`)
  expect(table?.name).toBe("lock")
})

test("a held lock refuses another owner with conflict naming the key, until it is released", async () => {
  const key = uniqueKey()
  await locking.acquire(key, { ownerId: "run-a" })

  const error = await rejection(other.acquire(key, { ownerId: "run-b", timeoutSeconds: 0.2 }))
  expect(error.type).toBe("conflict")
  expect(error.message).toBe(`Lock "${key}" is held by another owner: not acquired within 0.2s`)
  expect(await other.ownerOf(key)).toBe("run-a")

  expect(await locking.release(key, { ownerId: "run-a" })).toBe(true)
  await other.acquire(key, { ownerId: "run-b", timeoutSeconds: 0 })
  expect(await locking.ownerOf(key)).toBe("run-b")
  await other.release(key, { ownerId: "run-b" })
})

test("a waiting owner gets the lock as soon as the holder releases it", async () => {
  const key = uniqueKey()
  await locking.acquire(key, { ownerId: "holder" })
  const started = Date.now()
  const waiting = other.acquire(key, { ownerId: "waiter", timeoutSeconds: 5 })
  setTimeout(() => void locking.release(key, { ownerId: "holder" }), 300)

  await waiting

  const waited = Date.now() - started
  expect(waited).toBeGreaterThanOrEqual(250)
  expect(waited).toBeLessThan(2000)
  expect(await locking.ownerOf(key)).toBe("waiter")
  await other.release(key, { ownerId: "waiter" })
})

test("the owner may acquire again (extending it); only the owner can release it", async () => {
  const key = uniqueKey()
  await locking.acquire(key, { ownerId: "run-a", expireSeconds: 1 })
  const [before] = await t.app.database.execute<{ expires_at: Date }>(`select expires_at from "lock" where key = ?`, [key])

  await locking.acquire(key, { ownerId: "run-a", expireSeconds: 60, timeoutSeconds: 0 })
  const [after] = await t.app.database.execute<{ expires_at: Date }>(`select expires_at from "lock" where key = ?`, [key])
  expect(new Date(after!.expires_at).getTime() - new Date(before!.expires_at).getTime()).toBeGreaterThan(50_000)

  expect(await other.release(key, { ownerId: "run-b" })).toBe(false)
  expect(await locking.ownerOf(key)).toBe("run-a")
  expect(await locking.release(key, { ownerId: "run-a" })).toBe(true)
  expect(await locking.ownerOf(key)).toBeUndefined()
})

test("a lock whose owner never released it lapses after expireSeconds and can be taken over", async () => {
  const key = uniqueKey()
  await locking.acquire(key, { ownerId: "dead-run", expireSeconds: 0.3 })
  await rejection(other.acquire(key, { ownerId: "next-run", timeoutSeconds: 0 }))

  await new Promise((resolve) => setTimeout(resolve, 400))

  expect(await locking.ownerOf(key)).toBeUndefined()
  await other.acquire(key, { ownerId: "next-run", timeoutSeconds: 0 })
  expect(await locking.ownerOf(key)).toBe("next-run")
  expect(await locking.release(key, { ownerId: "dead-run" })).toBe(false)
  await other.release(key, { ownerId: "next-run" })
})

test("several keys are all taken or none: a busy key gives back those the call took, not those held before", async () => {
  const [a, b, c] = [uniqueKey(), uniqueKey(), uniqueKey()]
  await locking.acquire(b, { ownerId: "run-a" })
  await other.acquire(a, { ownerId: "run-b" })

  const error = await rejection(other.acquire([c, b, a], { ownerId: "run-b", timeoutSeconds: 0.1 }))

  expect(error.message).toContain(`Lock "${b}"`)
  expect(await locking.ownerOf(a)).toBe("run-b") // held before the call: kept
  expect(await locking.ownerOf(c)).toBeUndefined() // sorted after b, never taken
  expect(await locking.releaseAll({ ownerId: "run-b" })).toBe(1)
  expect(await locking.releaseAll({ ownerId: "run-a" })).toBe(1)
})

test("execute runs the job under the lock and releases it however the job ends", async () => {
  const key = uniqueKey()
  const result = await locking.execute(key, async () => (await locking.ownerOf(key)) ?? "free", { ownerId: "job-1" })
  expect(result).toBe("job-1")
  expect(await locking.ownerOf(key)).toBeUndefined()

  await expect(locking.execute(key, async () => Promise.reject(new Error("job failed")), { ownerId: "job-2" })).rejects.toThrow("job failed")
  expect(await locking.ownerOf(key)).toBeUndefined()
})

test("20 owners on two connection pools racing for one key: never two inside at once", async () => {
  const key = uniqueKey()
  let inside = 0
  let most = 0
  let runs = 0
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? locking : other).execute(
        key,
        async () => {
          inside++
          most = Math.max(most, inside)
          await new Promise((resolve) => setTimeout(resolve, 5))
          inside--
          runs++
        },
        { ownerId: `racer-${i}`, timeoutSeconds: 20 },
      ),
    ),
  )
  expect(runs).toBe(20)
  expect(most).toBe(1)
  expect(await locking.ownerOf(key)).toBeUndefined()
})

test("a lock taken by another process keeps this one out until that process releases it", async () => {
  const key = uniqueKey()
  const child = spawn(process.execPath, [path.join(import.meta.dirname, "fixtures/hold-lock.ts"), t.database.url, key, "other-process"], {
    stdio: ["pipe", "pipe", "inherit"],
  })
  const output: string[] = []
  const said = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (output.join("").includes(line) ? resolve() : undefined)
      child.stdout.on("data", (chunk: Buffer) => {
        output.push(chunk.toString())
        check()
      })
      child.on("exit", (code) => reject(new Error(`hold-lock exited with ${code} before saying "${line}"`)))
      check()
    })
  await said("held")

  expect(await locking.ownerOf(key)).toBe("other-process")
  const error = await rejection(locking.acquire(key, { ownerId: "this-process", timeoutSeconds: 0.2 }))
  expect(error.type).toBe("conflict")

  const waiting = locking.acquire(key, { ownerId: "this-process", timeoutSeconds: 10 })
  child.stdin.end()
  await waiting
  expect(await locking.ownerOf(key)).toBe("this-process")
  await locking.release(key, { ownerId: "this-process" })
})

/** `query`, except that releases (deletes) wait until `open()` is called. */
function withReleasesHeld(query: LockQuery): { query: LockQuery; open(): void } {
  let open!: () => void
  const gate = new Promise<void>((resolve) => (open = resolve))
  return {
    query: async (sql, params) => {
      if (sql.startsWith("delete")) await gate
      return query(sql, params)
    },
    open: () => open(),
  }
}

test("a release in the background: this service's next use of the key waits for its write, another process sees the lock until then", async () => {
  const key = uniqueKey()
  const pool = poolQuery(t.database.url)
  try {
    const held = withReleasesHeld(pool.query)
    const service = new LockingService(held.query)
    await service.acquire(key, { ownerId: "run-a" })

    service.releaseInBackground(key, { ownerId: "run-a" })
    let settled = false
    void service.settled().then(() => (settled = true))
    // Not acquirable at once by another owner if the acquire did not wait for the release.
    const next = service.acquire(key, { ownerId: "run-b", timeoutSeconds: 0 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await other.ownerOf(key)).toBe("run-a")
    expect(settled).toBe(false)

    held.open()
    await next
    expect(settled).toBe(true)
    expect(await service.ownerOf(key)).toBe("run-b")
    expect(await other.ownerOf(key)).toBe("run-b")
    await service.release(key, { ownerId: "run-b" })
  } finally {
    await pool.end()
  }
})

test("a background release that fails is reported, and the lock lapses at its expiry", async () => {
  const key = uniqueKey()
  const failure = new Error("connection lost")
  const reported: unknown[] = []
  const pool = poolQuery(t.database.url)
  try {
    const failingReleases: LockQuery = (sql, params) => (sql.startsWith("delete") ? Promise.reject(failure) : pool.query(sql, params))
    const service = new LockingService(failingReleases, { onBackgroundError: (error) => reported.push(error) })
    await service.acquire(key, { ownerId: "run-a", expireSeconds: 0.3 })

    service.releaseInBackground(key, { ownerId: "run-a" })
    await service.settled()
    expect(reported).toEqual([failure])
    expect(await other.ownerOf(key)).toBe("run-a")
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(await other.ownerOf(key)).toBeUndefined()
  } finally {
    await pool.end()
  }
})

test("bad arguments are refused naming the field", async () => {
  expect((await rejection(locking.acquire("", { ownerId: "x" }))).message).toBe('Lock key must be a non-empty string, got ""')
  expect((await rejection(locking.acquire([], { ownerId: "x" }))).message).toBe("Lock keys are required: at least one key")
  expect((await rejection(locking.acquire("k", { ownerId: "" }))).message).toBe('ownerId must be a non-empty string, got ""')
  const expire = await rejection(locking.acquire("k", { ownerId: "x", expireSeconds: 0 }))
  expect(expire.type).toBe("invalid_data")
  expect(expire.message).toBe("expireSeconds must be a number of seconds greater than 0, got 0")
  expect((await rejection(locking.acquire("k", { ownerId: "x", timeoutSeconds: -1 }))).message).toBe(
    "timeoutSeconds must be a number of seconds of 0 or more, got -1",
  )
})
