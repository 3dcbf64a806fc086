import http from "node:http"
import net from "node:net"
import type { AddressInfo } from "node:net"
import pg from "pg"
import { describe, expect, test } from "vitest"
import { asValue } from "../../../src/framework/container/index.ts"
import { SLOW_ROUTE_STARTED } from "../../fixtures/api/store/slow/route.ts"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import { startTestApp } from "../../setup/test-app.ts"

type HttpAnswer = { status: number; body: unknown; at: number }

/** One request on its own connection, as a separate client would make it. */
function send(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        agent: false,
        headers: { ...(payload ? { "content-type": "application/json" } : {}), ...headers },
      },
      (res) => {
        let text = ""
        res.setEncoding("utf8")
        res.on("data", (chunk: string) => (text += chunk))
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, at: Date.now() }))
      },
    )
    req.on("error", reject)
    req.end(payload)
  })
}

/** Resolves with the connection error code, or "connected" when the server accepted the connection. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port })
    socket.once("connect", () => {
      socket.destroy()
      resolve("connected")
    })
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"))
  })
}

describe("graceful shutdown", () => {
  test("an in-flight request completes with 200 while new connections are refused", async () => {
    const t = await startFixtureApp()
    try {
      let started!: () => void
      const routeStarted = new Promise<void>((resolve) => (started = resolve))
      t.app.container.register(SLOW_ROUTE_STARTED, asValue(() => started()))
      await t.server.listen({ host: "127.0.0.1", port: 0 })
      const { port } = t.server.server.address() as AddressInfo
      expect(await tryConnect(port)).toBe("connected")

      let answered = false
      const inFlight = send(port, "GET", "/store/slow?ms=300").finally(() => (answered = true))
      await routeStarted
      let closedAt = 0
      const closing = t.close().then(() => (closedAt = Date.now()))

      await expect.poll(() => tryConnect(port), { timeout: 2000, interval: 20 }).toBe("ECONNREFUSED")
      expect(answered).toBe(false) // refused while the slow request was still running

      const answer = await inFlight
      expect(answer.status).toBe(200)
      expect(answer.body).toEqual({ answer: 42 }) // it still reached the database
      await closing
      expect(closedAt).toBeGreaterThanOrEqual(answer.at)
    } finally {
      await t.close()
    }
  })

  test("app.close() lets a request blocked in the database finish and commit before closing the pool", async () => {
    const t = await startTestApp()
    const authorization = `Bearer ${await t.adminToken()}`
    await t.server.listen({ host: "127.0.0.1", port: 0 })
    const { port } = t.server.server.address() as AddressInfo

    const locker = new pg.Client({ connectionString: t.database.url })
    await locker.connect()
    try {
      await locker.query("begin")
      await locker.query('lock table "brand" in access exclusive mode')
      const inFlight = send(port, "POST", "/admin/brands", { name: "Late" }, { authorization })
      await expect
        .poll(async () => {
          // Inside the locker's transaction, PostgreSQL answers the same activity snapshot until it is cleared.
          await locker.query("select pg_stat_clear_snapshot()")
          const { rows } = await locker.query<{ waiting: number }>(
            "select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          )
          return rows[0]?.waiting
        }, { timeout: 5000, interval: 20 })
        .toBeGreaterThan(0)

      const closing = t.app.close()
      await expect.poll(() => tryConnect(port), { timeout: 2000, interval: 20 }).toBe("ECONNREFUSED")

      await locker.query("commit")
      const answer = await inFlight
      expect(answer.status).toBe(200)
      expect(answer.body).toMatchObject({ brand: { name: "Late" } })
      await closing
      const { rows } = await locker.query<{ name: string }>('select name from "brand"')
      expect(rows).toEqual([{ name: "Late" }])
    } finally {
      await locker.end()
      await t.close()
    }
  })
})
