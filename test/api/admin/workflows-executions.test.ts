import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"

let t: TestApp
let auth: { authorization: string }

let flaky = 0
const reserve = createStep({ name: "reserve", maxRetries: 1 }, async (qty: number) => {
  if (flaky++ === 0) throw new Error("inventory briefly unavailable")
  return new StepResponse(qty)
})
const charge = createStep("charge", async (qty: number) => new StepResponse(qty * 10))
const placeOrder = createWorkflow("place-order", (qty: WorkflowData<number>) => new WorkflowResponse(charge(reserve(qty))))

const refuse = createStep("refuse", async () => {
  throw new Error("payment declined")
})
const declinedOrder = createWorkflow("declined-order", () => {
  refuse()
})

beforeAll(async () => {
  t = await startTestApp()
  auth = { authorization: `Bearer ${await t.adminToken()}` }
  await placeOrder(t.app.container).run({ input: 2, transactionId: "order-a" })
  await placeOrder(t.app.container).run({ input: 3, transactionId: "order-b" })
  await declinedOrder(t.app.container).run({ transactionId: "order-c", throwOnError: false })
})
afterAll(() => t?.close())

const list = (query = "") => t.request({ method: "GET", url: `/admin/workflows-executions${query}`, headers: auth })

type Execution = { id: string; workflow_id: string; transaction_id: string; state: string; [key: string]: unknown }

describe("GET /admin/workflows-executions", () => {
  test("needs an admin", async () => {
    const res = await t.request({ method: "GET", url: "/admin/workflows-executions" })
    expect(res.statusCode).toBe(401)
  })

  test("lists every run newest first, with the count and the page", async () => {
    const res = await list()
    expect(res.statusCode).toBe(200)
    const body = res.json() as { workflow_executions: Execution[]; count: number; offset: number; limit: number }
    expect(body).toMatchObject({ count: 3, offset: 0, limit: 20 })
    expect(body.workflow_executions.map((e) => e.transaction_id)).toEqual(["order-c", "order-b", "order-a"])
    expect(body.workflow_executions[1]).toMatchObject({
      id: expect.stringMatching(/^wf_exec_/),
      workflow_id: "place-order",
      state: "done",
      input: 3,
      result: 30,
      errors: [],
      owner: null,
      recovery_attempts: 0,
    })
    expect(Date.parse(String(body.workflow_executions[1]?.finished_at))).not.toBeNaN()
  })

  test("filters by workflow id and state, and pages", async () => {
    const byWorkflow = (await list("?workflow_id=place-order")).json() as { workflow_executions: Execution[]; count: number }
    expect(byWorkflow.count).toBe(2)
    expect(byWorkflow.workflow_executions.every((e) => e.workflow_id === "place-order")).toBe(true)

    const failed = (await list("?state[0]=failed&state[1]=compensation_failed")).json() as { workflow_executions: Execution[] }
    expect(failed.workflow_executions).toHaveLength(1)
    expect(failed.workflow_executions[0]).toMatchObject({
      transaction_id: "order-c",
      state: "failed",
      errors: [{ step_id: "refuse", action: "invoke", error: { message: "payment declined" } }],
    })

    const page = (await list("?limit=1&offset=1")).json() as { workflow_executions: Execution[]; count: number; limit: number; offset: number }
    expect(page).toMatchObject({ count: 3, limit: 1, offset: 1 })
    expect(page.workflow_executions.map((e) => e.transaction_id)).toEqual(["order-b"])
  })

  test("an unknown state is a 400 naming the field", async () => {
    const res = await list("?state=finished")
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ type: "invalid_data", message: expect.stringContaining("state") })
  })
})

describe("GET /admin/workflows-executions/:id", () => {
  test("shows every step's status, attempts, timings and error", async () => {
    const { workflow_executions } = (await list("?transaction_id=order-a")).json() as { workflow_executions: Execution[] }
    const id = workflow_executions[0]?.id

    const res = await t.request({ method: "GET", url: `/admin/workflows-executions/${id}`, headers: auth })

    expect(res.statusCode).toBe(200)
    const { workflow_execution } = res.json() as { workflow_execution: Execution & { steps: Record<string, unknown>[] } }
    expect(workflow_execution).toMatchObject({ id, workflow_id: "place-order", transaction_id: "order-a", state: "done" })
    expect(workflow_execution.steps.map((s) => [s.step_id, s.status, s.attempts])).toEqual([
      ["reserve", "done", 2],
      ["charge", "done", 1],
    ])
    for (const step of workflow_execution.steps) {
      expect(Date.parse(String(step.started_at))).not.toBeNaN()
      expect(step.duration_ms).toBeGreaterThanOrEqual(0)
      expect(step.error).toBeNull()
    }
  })

  test("the failed step carries its error", async () => {
    const { workflow_executions } = (await list("?transaction_id=order-c")).json() as { workflow_executions: Execution[] }
    const res = await t.request({ method: "GET", url: `/admin/workflows-executions/${workflow_executions[0]?.id}`, headers: auth })
    const { workflow_execution } = res.json() as { workflow_execution: { steps: Record<string, unknown>[] } }
    expect(workflow_execution.steps).toEqual([
      expect.objectContaining({ step_id: "refuse", status: "failed", attempts: 1, error: expect.objectContaining({ message: "payment declined" }) }),
    ])
  })

  test("an unknown id is a 404", async () => {
    const res = await t.request({ method: "GET", url: "/admin/workflows-executions/wf_exec_missing", headers: auth })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: "Workflow execution with id: wf_exec_missing was not found" })
  })
})
