import type { AddressInfo } from "node:net"
import { Writable } from "node:stream"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { SECRET_DETAIL } from "../../fixtures/api/store/fail/unknown/route.ts"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"

const CONFLICT_MESSAGE =
  "The request conflicted with another request. You may retry the request with the provided Idempotency-Key."
const UNKNOWN_ERROR = { code: "unknown_error", type: "unknown_error", message: "An unknown error occurred." }

let t: FixtureApp
const logLines: string[] = []

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk))
      done()
    },
  })
  t = await startFixtureApp({}, { logger: pino({ level: "error" }, sink) })
})
afterAll(() => t?.close())

describe("an AgoraError thrown by a route", () => {
  test.each([
    ["invalid_data", 400],
    ["not_allowed", 400],
    ["unauthorized", 401],
    ["forbidden", 403],
    ["not_found", 404],
    ["unexpected_state", 500],
    ["invalid_argument", 500],
  ])("of type %s answers %i with { type, message }", async (type, status) => {
    const res = await t.request({ method: "GET", url: `/store/fail/${type}` })
    expect(res.statusCode).toBe(status)
    expect(res.json()).toEqual({ type, message: `Failure of type ${type}` })
  })

  test("of type duplicate_error answers 422 with code invalid_request_error", async () => {
    const res = await t.request({ method: "GET", url: "/store/fail/duplicate_error" })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual({
      type: "duplicate_error",
      message: "Failure of type duplicate_error",
      code: "invalid_request_error",
    })
  })

  test("of type conflict answers 409 with a fixed message and code invalid_state_error", async () => {
    const res = await t.request({ method: "GET", url: "/store/fail/conflict" })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ type: "conflict", message: CONFLICT_MESSAGE, code: "invalid_state_error" })
  })

  test("keeps its own code", async () => {
    const res = await t.request({ method: "GET", url: "/store/fail/not_allowed?code=insufficient_inventory" })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({
      type: "not_allowed",
      message: "Failure of type not_allowed",
      code: "insufficient_inventory",
    })
  })

  test("of a type the contract does not know is an unknown error, its message withheld", async () => {
    const res = await t.request({ method: "GET", url: "/store/fail/database_error" })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: "unknown_error", type: "unknown_error", message: "An unknown error occurred." })
  })
})

describe("an error the framework does not know", () => {
  test("answers 500 unknown_error with no message, stack or detail of the error, and is logged", async () => {
    logLines.length = 0
    const res = await t.request({ method: "GET", url: "/store/fail/unknown" })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(UNKNOWN_ERROR)
    expect(res.body).not.toContain(SECRET_DETAIL)
    expect(res.body).not.toContain("route.ts")
    expect(res.body).not.toMatch(/\bat\b.*:\d+:\d+/) // no stack frame

    // The operator still sees what happened.
    expect(logLines.join("\n")).toContain(SECRET_DETAIL)
  })

  test("a thrown value that is not an Error is also a plain 500 unknown_error", async () => {
    const res = await t.request({ method: "POST", url: "/store/fail/unknown", payload: {} })
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual(UNKNOWN_ERROR)
    expect(res.body).not.toContain(SECRET_DETAIL)
  })
})

describe("request bodies", () => {
  test("invalid JSON is 400 invalid_data, and the route is not reached", async () => {
    const res = await t.request({
      method: "POST",
      url: "/store/widgets",
      headers: { "content-type": "application/json" },
      payload: '{"name": "Widget", ',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: expect.any(String) })
    const list = await t.request({ method: "GET", url: "/store/widgets" })
    expect(list.json().count).toBe(0)
  })

  test("a POST with content-type application/json and content-length 0 is treated as {}", async () => {
    const res = await t.request({
      method: "POST",
      url: "/store/echo/cart_1",
      headers: { "content-type": "application/json", "content-length": "0" },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ method: "POST", body: {} })
  })

  test("a DELETE with content-type application/json and no body is treated as {}", async () => {
    const res = await t.request({
      method: "DELETE",
      url: "/store/echo/cart_1",
      headers: { "content-type": "application/json", "content-length": "0" },
      payload: "",
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ method: "DELETE", body: {} })
  })

  test("a whitespace-only JSON body is treated as {} too", async () => {
    const res = await t.request({
      method: "POST",
      url: "/store/echo/cart_1",
      headers: { "content-type": "application/json" },
      payload: "  \n",
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().body).toEqual({})
  })

  test("a body-less POST to a validated route is validated as {}: 400 naming the missing field, not a parse error", async () => {
    const res = await t.request({
      method: "POST",
      url: "/store/widgets",
      headers: { "content-type": "application/json", "content-length": "0" },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({
      type: "invalid_data",
      message: "Invalid request: Field 'name' is required; Field 'quantity' is required",
    })
  })
})

describe("over a real connection, as the Medusa SDK sends them (fetch)", () => {
  test("a body-less POST and DELETE with content-type application/json arrive as {}", async () => {
    await t.server.listen({ host: "127.0.0.1", port: 0 })
    const { port } = t.server.server.address() as AddressInfo
    const sdkHeaders = { "content-type": "application/json", accept: "application/json", "x-medusa-locale": "" }
    for (const method of ["POST", "DELETE"]) {
      const res = await fetch(`http://127.0.0.1:${port}/store/echo/cart_1`, { method, headers: sdkHeaders })
      expect(res.status, method).toBe(200)
      expect(await res.json()).toMatchObject({ method, body: {} })
    }
  })
})
