import Fastify from "fastify"
import type { FastifyReply, FastifyRequest } from "fastify"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { AgoraNextFunction } from "../../../src/framework/http/index.ts"
import { runMiddleware } from "../../../src/framework/http/run-middleware.ts"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"
import { REQUEST_VALUE } from "../../fixtures/api/store/scope/route.ts"

let t: FixtureApp

beforeAll(async () => {
  t = await startFixtureApp()
})
afterAll(() => t?.close())

describe("middlewares.ts (defineMiddlewares)", () => {
  test("matching middlewares run in order before the route; express-style ones wait for next()", async () => {
    const res = await t.request({ method: "GET", url: "/store/guarded" })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ reached: true })
    expect(res.headers["x-trail"]).toBe("first,second")
  })

  test("a middleware limited to POST runs for POST only, after the entries listed before it", async () => {
    const post = await t.request({ method: "POST", url: "/store/echo/1", payload: {} })
    expect(post.headers["x-trail"]).toBe("echo,post-only")
    for (const method of ["GET", "DELETE"] as const) {
      const res = await t.request({ method, url: "/store/echo/1" })
      expect(res.headers["x-trail"], method).toBe("echo")
    }
  })

  test("a `*` matcher applies to every path below it", async () => {
    const shallow = await t.request({ method: "GET", url: "/store/echo/1" })
    const deep = await t.request({ method: "GET", url: "/store/echo/1/items/2" })
    expect(shallow.headers["x-trail"]).toBe("echo")
    expect(deep.headers["x-trail"]).toBe("echo")
    const other = await t.request({ method: "GET", url: "/admin/public" })
    expect(other.headers["x-trail"]).toBeUndefined()
  })

  test("next(error) answers with the error's status and body, and the route is not reached", async () => {
    const res = await t.request({ method: "GET", url: "/store/guarded", headers: { "x-block": "next-error" } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "not_allowed", message: "Blocked by middleware" })
  })

  test("a middleware that throws answers with the error's status and body", async () => {
    const res = await t.request({ method: "GET", url: "/store/guarded", headers: { "x-block": "throw" } })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toEqual({ type: "forbidden", message: "Thrown by middleware" })
  })

  test("a middleware that answers itself ends the request there", async () => {
    const res = await t.request({ method: "GET", url: "/store/guarded", headers: { "x-block": "respond" } })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toEqual({ message: "Stopped by middleware" })
  })
})

describe("runMiddleware", () => {
  test("settles when an express-style middleware answers without calling next", async () => {
    const server = Fastify()
    let settled: "yes" | "no" | undefined
    const answers = (_req: FastifyRequest, res: FastifyReply, _next: AgoraNextFunction) => {
      void res.status(401).send({ message: "Unauthorized" })
    }
    server.get("/", async (req, res) => {
      const run = runMiddleware(answers, req, res).then(() => "yes" as const)
      settled = await Promise.race([run, new Promise<"no">((resolve) => setTimeout(() => resolve("no"), 200))])
      return res
    })
    const res = await server.inject({ method: "GET", url: "/" })
    expect(res.statusCode).toBe(401)
    await expect.poll(() => settled, { timeout: 1000 }).toBe("yes")
    await server.close()
  })

  test("an express-style middleware that neither answers nor calls next yet keeps the chain waiting", async () => {
    const server = Fastify()
    let release: AgoraNextFunction | undefined
    const later = (_req: FastifyRequest, _res: FastifyReply, next: AgoraNextFunction) => {
      release = next
    }
    server.get("/", async (req, res) => {
      await runMiddleware(later, req, res)
      return { after: true }
    })
    const pending = server.inject({ method: "GET", url: "/" })
    await expect.poll(() => release).toBeDefined()
    let done = false
    void pending.then(() => (done = true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(done).toBe(false)
    release?.()
    expect((await pending).json()).toEqual({ after: true })
    await server.close()
  })
})

describe("req.scope", () => {
  test("is a scope per request: a value one request registers is not seen by the next, nor by the app", async () => {
    const first = await t.request({ method: "POST", url: "/store/scope", payload: { value: "first" } })
    expect(first.json()).toEqual({ value: "first" })

    const next = await t.request({ method: "GET", url: "/store/scope" })
    expect(next.json()).toEqual({ registered: false })
    expect(t.app.container.hasRegistration(REQUEST_VALUE)).toBe(false)
  })

  test("concurrent requests each see their own registration", async () => {
    const values = Array.from({ length: 8 }, (_, i) => `value-${i}`)
    const responses = await Promise.all(
      values.map((value, i) =>
        t.request({ method: "POST", url: "/store/scope", payload: { value, wait: 40 - i * 5 } }),
      ),
    )
    expect(responses.map((res) => res.json().value)).toEqual(values)
  })

  test("still resolves the app's services", async () => {
    // The widgets route resolves the brand module from req.scope.
    const res = await t.request({ method: "GET", url: "/store/widgets" })
    expect(res.statusCode).toBe(200)
  })
})
