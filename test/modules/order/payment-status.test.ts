import { describe, expect, test } from "vitest"
import { computePaymentStatus } from "../../../src/modules/order/index.ts"
import type { PaymentCollectionSummary } from "../../../src/modules/order/index.ts"

const collection = (status: string, amounts: Partial<PaymentCollectionSummary> = {}): PaymentCollectionSummary => ({
  amount: "100",
  authorized_amount: 0,
  captured_amount: 0,
  refunded_amount: 0,
  status,
  ...amounts,
})

describe("computePaymentStatus", () => {
  test.each([
    ["no payment collection", [], "not_paid"],
    ["a collection not paid", [collection("not_paid")], "not_paid"],
    ["a collection awaiting", [collection("awaiting")], "awaiting"],
    ["a freshly placed order's authorized collection", [collection("authorized", { authorized_amount: 100 })], "authorized"],
    ["one of two authorized", [collection("authorized"), collection("awaiting")], "partially_authorized"],
    ["captured in full", [collection("completed", { captured_amount: "100" })], "captured"],
    ["captured in part", [collection("partially_captured", { captured_amount: 40 })], "partially_captured"],
    ["captured in full, exactly, from decimals", [collection("completed", { amount: "0.3", captured_amount: 0.3 })], "captured"],
    ["refunded in full", [collection("completed", { captured_amount: 100, refunded_amount: 100 })], "refunded"],
    ["refunded in part", [collection("completed", { captured_amount: 100, refunded_amount: 30 })], "partially_refunded"],
    ["every collection canceled", [collection("canceled"), collection("canceled")], "canceled"],
    ["a canceled collection beside an authorized one", [collection("canceled"), collection("authorized")], "authorized"],
    ["a canceled one beside a captured one", [collection("canceled"), collection("completed", { captured_amount: 100 })], "captured"],
    ["requires action wins over everything", [collection("requires_action"), collection("completed", { captured_amount: 100 })], "requires_action"],
    ["null amounts count as nothing", [collection("awaiting", { captured_amount: null, refunded_amount: null })], "awaiting"],
  ] as const)("%s → %s", (_, collections, expected) => {
    expect(computePaymentStatus(collections)).toBe(expected)
  })
})
