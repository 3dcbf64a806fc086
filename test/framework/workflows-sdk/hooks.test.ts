import { describe, expect, test } from "vitest"
import { createHook, createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine } from "./helpers.ts"

function brandWorkflow() {
  const createBrand = createStep("create-brand", async (name: string) => new StepResponse({ id: `brand_${name}`, name }))
  return createWorkflow("create-brand", (input: WorkflowData<{ name: string }>) => {
    const brand = createBrand(input.name)
    const brandCreated = createHook("brandCreated", { brand, source: "admin" })
    return new WorkflowResponse(brand, { hooks: [brandCreated] })
  })
}

describe("hooks", () => {
  test("a registered handler runs as a step with the hook's input and the step context", async () => {
    const { container } = createTestEngine()
    const workflow = brandWorkflow()
    const seen: unknown[] = []
    workflow.hooks.brandCreated(async ({ brand, source }, { metadata }) => {
      seen.push({ id: brand.id, source, stepId: metadata.stepId })
      return new StepResponse("linked")
    })

    const { result, transaction } = await workflow(container).run({ input: { name: "acme" } })

    expect(result).toEqual({ id: "brand_acme", name: "acme" })
    expect(seen).toEqual([{ id: "brand_acme", source: "admin", stepId: "hook.brandCreated" }])
    expect(transaction.steps["hook.brandCreated"]).toMatchObject({ status: "done", output: "linked" })
  })

  test("without a handler the hook is skipped", async () => {
    const { container } = createTestEngine()

    const { transaction } = await brandWorkflow()(container).run({ input: { name: "acme" } })

    expect(transaction.state).toBe("done")
    expect(transaction.steps["hook.brandCreated"]?.status).toBe("skipped")
  })

  test("a handler that throws fails the run, and the steps before it are compensated", async () => {
    const { container } = createTestEngine()
    const deleted: string[] = []
    const createBrand = createStep(
      "create-brand",
      async (name: string) => new StepResponse({ id: `brand_${name}` }, `brand_${name}`),
      async (id) => {
        if (id !== undefined) deleted.push(id)
      },
    )
    const workflow = createWorkflow("create-brand", (input: WorkflowData<{ name: string }>) => {
      const brand = createBrand(input.name)
      const brandCreated = createHook("brandCreated", { brand })
      return new WorkflowResponse(brand, { hooks: [brandCreated] })
    })
    workflow.hooks.brandCreated(async () => {
      throw new Error("external system rejected the brand")
    })

    await expect(workflow(container).run({ input: { name: "acme" } })).rejects.toThrow(
      'failed at step "hook.brandCreated": external system rejected the brand',
    )
    expect(deleted).toEqual(["brand_acme"])
  })

  test("a hook takes one handler", () => {
    const workflow = brandWorkflow()
    workflow.hooks.brandCreated(async () => {})

    expect(() => workflow.hooks.brandCreated(async () => {})).toThrow('Hook "brandCreated" of workflow "create-brand" already has a handler')
  })
})
