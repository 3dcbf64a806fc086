import { mkdirSync, writeFileSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, beforeAll, expect, test } from "vitest"
import { createTempProject, REPO_ROOT, type TempProject } from "../database/temp-project.ts"

const SDK = pathToFileURL(path.join(REPO_ROOT, "src/framework/workflows-sdk/index.ts")).href

const WORKFLOW_FILE = `import { createHook, createStep, createWorkflow, parallelize, StepResponse, when, WorkflowResponse } from "${SDK}"

const load = createStep("load-cart", async () => new StepResponse({ gift: true }))
const reserve = createStep("reserve-inventory", async () => new StepResponse(1))
const authorize = createStep("authorize-payment", async () => new StepResponse(2))
const wrap = createStep("gift-wrap", async () => new StepResponse(3))

export const placeOrderWorkflow = createWorkflow("place-order", () => {
  const cart = load()
  parallelize(reserve(), authorize())
  when("gift", { cart }, ({ cart }) => cart.gift).then(() => {
    wrap()
  })
  const orderPlaced = createHook("orderPlaced", { cart })
  return new WorkflowResponse(cart, { hooks: [orderPlaced] })
})
`

let project: TempProject
beforeAll(() => {
  project = createTempProject("graph")
  mkdirSync(path.join(project.dir, "src/workflows/orders"), { recursive: true })
  writeFileSync(path.join(project.dir, "src/workflows/orders/place-order.ts"), WORKFLOW_FILE)
})
afterAll(() => project?.remove())

test("agora workflows:graph prints the workflow as Mermaid: steps, parallel branches, conditions, hooks", async () => {
  const result = await project.cli(["workflows:graph", "place-order"])

  expect(result.stderr).toBe("")
  expect(result.code).toBe(0)
  const out = result.stdout
  expect(out.startsWith("flowchart TD\n")).toBe(true)
  for (const step of ["load-cart", "reserve-inventory", "authorize-payment", "gift-wrap", "orderPlaced"]) expect(out).toContain(step)
  expect(out).toMatch(/subgraph/)
  expect(out).toMatch(/-->\|no\|/)
})

test("an unknown workflow id exits 1 naming the workflows there are", async () => {
  const result = await project.cli(["workflows:graph", "place-ordr"])

  expect(result.code).toBe(1)
  expect(result.stderr).toBe('No workflow "place-ordr" under src/workflows (workflows: place-order)\n')
})
