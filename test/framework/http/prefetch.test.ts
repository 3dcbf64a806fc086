import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { takePrefetched } from "../../../src/framework/http/index.ts"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"
import { prefetchTrail } from "../../fixtures/api/store/prefetched/route.ts"

let t: FixtureApp

beforeAll(async () => {
  t = await startFixtureApp()
})
afterAll(() => t?.close())

const entriesOf = (id: string) => prefetchTrail.filter((entry) => entry.endsWith(`:${id}`))

describe("a route's prefetch", () => {
  test("starts before the middlewares run, and the handler gets what it read", async () => {
    const res = await t.request({ method: "GET", url: "/store/prefetched?id=first" })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ prefetched: "read for first" })
    expect(entriesOf("first")).toEqual(["prefetch:first", "middleware:first", "handler:first"])
  })

  test("a request the middlewares refuse never reaches the handler, whatever the prefetch read", async () => {
    for (const id of ["refused", "rejects"]) {
      const res = await t.request({ method: "GET", url: `/store/prefetched?id=${id}`, headers: { "x-block": "throw" } })
      expect(res.statusCode).toBe(403)
      expect(res.json()).toEqual({ type: "forbidden", message: "Thrown by middleware" })
      expect(entriesOf(id)).toEqual([`prefetch:${id}`, `middleware:${id}`])
    }
  })

  test("a prefetch that fails or reads nothing leaves the handler to read for itself", async () => {
    for (const id of ["throws", "rejects", "none"]) {
      const res = await t.request({ method: "GET", url: `/store/prefetched?id=${id}` })
      expect(res.statusCode, id).toBe(200)
      expect(res.json(), id).toEqual({ prefetched: null })
      expect(entriesOf(id).at(-1)).toBe(`handler:${id}`)
    }
  })
})

describe("takePrefetched", () => {
  const isRead = (id: string) => (value: unknown): value is { id: string } => (value as { id?: unknown } | undefined)?.id === id

  test("answers the prefetched read once, when it is the one wanted", async () => {
    const req = { prefetched: Promise.resolve({ id: "cart_1" }) }
    expect(await takePrefetched(req, isRead("cart_1"))).toEqual({ id: "cart_1" })
    expect(await takePrefetched(req, isRead("cart_1"))).toBeUndefined()
  })

  test("leaves a read of something else, and answers nothing without a prefetch", async () => {
    const req = { prefetched: Promise.resolve({ id: "cart_1" }) as Promise<unknown> | undefined }
    expect(await takePrefetched(req, isRead("cart_2"))).toBeUndefined()
    expect(await takePrefetched(req, isRead("cart_1"))).toEqual({ id: "cart_1" })
    expect(await takePrefetched({ prefetched: undefined }, isRead("cart_1"))).toBeUndefined()
  })
})
