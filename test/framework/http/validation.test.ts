import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { z } from "zod"
import { formatZodError, toHttpError } from "../../../src/framework/http/index.ts"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"

let t: FixtureApp

beforeAll(async () => {
  t = await startFixtureApp()
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.app.database.execute("delete from brand")
})

const createWidget = (payload: unknown) => t.request({ method: "POST", url: "/store/widgets", payload: payload as object })

async function widgetCount(): Promise<number> {
  const [row] = await t.app.database.execute<{ count: string }>("select count(*) as count from brand")
  return Number(row?.count)
}

describe("validateAndTransformBody", () => {
  test("a valid body reaches the route as req.validatedBody", async () => {
    const res = await createWidget({ name: "Sprocket", quantity: 3 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      widget: { name: "Sprocket", description: "qty 3" },
      validatedBody: { name: "Sprocket", quantity: 3 },
    })
    expect(await widgetCount()).toBe(1)
  })

  test.each([
    ["a missing field", { quantity: 3 }, "Invalid request: Field 'name' is required"],
    [
      "a field of the wrong type",
      { name: "Sprocket", quantity: "3" },
      "Invalid request: Expected type: 'number' for field 'quantity', got: 'string'",
    ],
    ["an unknown key", { name: "Sprocket", quantity: 3, foo: "bar" }, "Invalid request: Unrecognized fields: 'foo'"],
    [
      "null where a string is expected",
      { name: null, quantity: 3 },
      "Invalid request: Expected type: 'string' for field 'name', got: 'null'",
    ],
    [
      "a missing field of a nested object",
      { name: "Sprocket", quantity: 3, address: {} },
      "Invalid request: Field 'address.city' is required",
    ],
    [
      "an unknown key of a nested object",
      { name: "Sprocket", quantity: 3, address: { city: "Oslo", zip: "0150" } },
      "Invalid request: Unrecognized fields: 'address.zip'",
    ],
  ])("%s is 400 invalid_data naming the field and reason, and changes nothing", async (_case, body, message) => {
    const res = await createWidget(body)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message })
    expect(await widgetCount()).toBe(0)
  })

  test("several problems are reported together", async () => {
    const res = await createWidget({ quantity: "many", foo: 1 })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toBe(
      "Invalid request: Field 'name' is required; Expected type: 'number' for field 'quantity', got: 'string'; Unrecognized fields: 'foo'",
    )
    expect(await widgetCount()).toBe(0)
  })

  test("a rule beyond the type (quantity >= 1) is 400 naming the field", async () => {
    const res = await createWidget({ name: "Sprocket", quantity: 0 })
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(res.json().message).toMatch(/^Invalid request: .*field 'quantity'/)
    expect(await widgetCount()).toBe(0)
  })

  test("a JSON array where an object is expected is 400, not 500", async () => {
    const res = await createWidget([{ name: "Sprocket", quantity: 3 }])
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: "Invalid request: Expected type: 'object', got: 'array'" })
    expect(await widgetCount()).toBe(0)
  })
})

describe("a ZodError thrown from a route's own parse", () => {
  const Schema = z.object({ name: z.string(), quantity: z.number() }).strict()

  test("is a 400 invalid_data naming the fields", () => {
    const result = Schema.safeParse({ quantity: "3" })
    expect(result.success).toBe(false)
    const { status, body } = toHttpError(result.error)
    expect(status).toBe(400)
    expect(body.type).toBe("invalid_data")
    expect(body.message).toMatch(/^Invalid request: /)
    expect(body.message).toContain("'name'")
    expect(body.message).toContain("'quantity'")
  })

  test("does not report a wrong type as a missing field, even when zod left the input out", () => {
    const result = Schema.safeParse({ name: "Sprocket", quantity: "3" })
    const message = formatZodError(result.error as z.ZodError)
    expect(message).not.toContain("is required")
    expect(message).toContain("field 'quantity'")
    expect(message).toContain("string")
  })
})
