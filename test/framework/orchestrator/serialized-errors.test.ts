import { afterEach, expect, test } from "vitest"
import { deserializeError, serializeError } from "../../../src/framework/orchestrator/index.ts"

const originalPrepare = Error.prepareStackTrace
afterEach(() => {
  Error.prepareStackTrace = originalPrepare
})

test("a serialized error formats its stack only when something reads it", () => {
  let formatted = 0
  Error.prepareStackTrace = (error, frames) => {
    formatted++
    return `${String(error)} (${frames.length > 0 ? "with frames" : "no frames"})`
  }
  const error = Object.assign(new TypeError("card declined"), { type: "payment_error", code: "declined" })

  const serialized = serializeError(error)

  expect(formatted).toBe(0)
  expect(serialized).toMatchObject({ name: "TypeError", message: "card declined", type: "payment_error", code: "declined" })
  expect(serialized.stack).toBe("TypeError: card declined (with frames)")
  expect(formatted).toBe(1)
})

test("the stack goes along wherever the error is stored: JSON, a copy, a structured clone", () => {
  const serialized = serializeError(new Error("out of stock"))

  for (const stored of [JSON.parse(JSON.stringify(serialized)), { ...serialized }, structuredClone(serialized)]) {
    expect(Object.keys(stored).slice(0, 3)).toEqual(["name", "message", "stack"])
    expect(stored.stack).toMatch(/^Error: out of stock\n\s+at /)
    expect(deserializeError(stored).stack).toBe(serialized.stack)
  }
})
