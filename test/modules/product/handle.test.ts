import { describe, expect, test } from "vitest"
import { isValidHandle, toHandle } from "../../../src/modules/product/handle.ts"

describe("product handles", () => {
  test.each([
    ["Medusa T-Shirt", "medusa-t-shirt"],
    ["  Summer   Sale 2026  ", "summer-sale-2026"],
    ["Crème brûlée", "creme-brulee"],
    ["100% Cotton / Organic", "100-cotton-organic"],
    ["???", ""],
  ])("%j becomes %j", (title, handle) => {
    expect(toHandle(title)).toBe(handle)
  })

  test("a valid handle is lowercase words joined by single hyphens", () => {
    expect(isValidHandle("blue-shirt-2")).toBe(true)
    for (const bad of ["", "Blue", "blue shirt", "blue--shirt", "-blue", "blue-", "blue_shirt"]) {
      expect(isValidHandle(bad), bad).toBe(false)
    }
  })
})
