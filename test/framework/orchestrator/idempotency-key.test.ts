import { expect, test } from "vitest"
import { formatIdempotencyKey, parseIdempotencyKey } from "../../../src/framework/orchestrator/index.ts"

test("the key reads workflowId:transactionId:stepId:action, as in Medusa", () => {
  expect(formatIdempotencyKey({ workflowId: "place-order", transactionId: "tx_1", stepId: "reserve", action: "invoke" })).toBe(
    "place-order:tx_1:reserve:invoke",
  )
})

test("a transaction id containing ':' survives a round trip", () => {
  const key = { workflowId: "wf", transactionId: "cart:123:attempt:2", stepId: "pay", action: "compensate" } as const

  expect(parseIdempotencyKey(formatIdempotencyKey(key))).toEqual(key)
})

test("a malformed key is refused with a message saying what is expected", () => {
  expect(() => parseIdempotencyKey("wf:tx:step")).toThrow('"wf:tx:step" is not a step idempotency key (workflowId:transactionId:stepId:action)')
  expect(() => parseIdempotencyKey("wf:tx:step:explode")).toThrow("is not a step idempotency key")
})
