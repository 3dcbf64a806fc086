import { asValue, createContainer } from "awilix"
import pino from "pino"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { ContainerKeys } from "../../../src/framework/container/index.ts"
import { ManualClock, WORKFLOW_ENGINE_KEY, WorkflowEngine } from "../../../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "../../../src/framework/workflows-sdk/index.ts"
import workflowRetention, { config } from "../../../src/jobs/workflow-retention.ts"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ modules: [] })
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.app.database.execute('delete from "workflow_execution"')
})

const noop = createStep("noop", async () => new StepResponse(1))
const keptWorkflow = createWorkflow("kept-default", () => new WorkflowResponse(noop()))
const shortLivedWorkflow = createWorkflow({ name: "short-lived", retentionTime: 60 }, () => new WorkflowResponse(noop()))

describe("the workflow-retention job", () => {
  test("runs hourly", () => {
    expect(config).toEqual({ name: "workflow-retention", schedule: "0 * * * *" })
  })

  test("deletes finished runs past their retention and keeps the others", async () => {
    const clock = new ManualClock()
    const engine = new WorkflowEngine({ storage: t.app.workflows.engine.storage, clock, onBackgroundError: () => {} })
    const container = createContainer()
    container.register({ [WORKFLOW_ENGINE_KEY]: asValue(engine), [ContainerKeys.LOGGER]: asValue(pino({ level: "silent" })) })
    await keptWorkflow(container).run({ transactionId: "kept" })
    await shortLivedWorkflow(container).run({ transactionId: "expiring" })

    await workflowRetention(container)
    expect(await engine.storage.load("short-lived", "expiring")).toBeDefined()

    await clock.advance(61_000)
    await workflowRetention(container)

    expect(await engine.storage.load("short-lived", "expiring")).toBeUndefined()
    expect(await engine.storage.load("kept-default", "kept")).toBeDefined()
  })

  test("is loaded by the app from src/jobs and, when due, deletes an expired run and records its run", async () => {
    const { jobs, container } = t.app
    await keptWorkflow(container).run({ transactionId: "fresh" })
    await keptWorkflow(container).run({ transactionId: "old" })
    // The app's engine answers once a run's end is sent: its write lands first, or it would set retain_until again.
    await t.app.workflows.engine.settled()
    await t.app.database.execute(
      `update "workflow_execution" set "retain_until" = now() - interval '1 minute' where "transaction_id" = 'old'`,
    )
    await jobs.load()

    const outcomes = await jobs.scheduler.runDue(Date.now() + 3_600_000)

    expect(outcomes).toContainEqual(expect.objectContaining({ job: "workflow-retention", outcome: "succeeded" }))
    expect(await t.app.workflows.engine.storage.load("kept-default", "old")).toBeUndefined()
    expect(await t.app.workflows.engine.storage.load("kept-default", "fresh")).toBeDefined()
    const { runs } = await jobs.scheduler.listRuns("workflow-retention", { take: 10, skip: 0 })
    expect(runs).toEqual([expect.objectContaining({ jobName: "workflow-retention", status: "succeeded", error: null })])
  })
})
