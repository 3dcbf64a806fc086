import { expect, test } from "vitest"
import { generateId, ulid } from "../../../src/framework/ids/index.ts"

test("a ULID is 26 Crockford base-32 characters, its first 10 the milliseconds", () => {
  // Later than any id made so far in this process (a clock behind the last id keeps the last time).
  const at = Date.now() + 3_600_000
  const id = ulid(at)
  expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
  const time = [...id.slice(0, 10)].reduce((n, c) => n * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c), 0)
  expect(time).toBe(at)
})

test("ids made in one millisecond sort in creation order, and are all different", () => {
  const now = Date.now() + 7_200_000
  const ids = Array.from({ length: 1000 }, () => ulid(now))
  expect([...ids].sort()).toEqual(ids)
  expect(new Set(ids).size).toBe(1000)
})

test("generateId puts the prefix first", () => {
  expect(generateId("prod")).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/)
  expect(generateId()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
})
