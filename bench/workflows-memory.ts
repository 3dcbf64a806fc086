/*
 * Overhead of the workflow engine in memory: a 10-step workflow of no-op steps, then the same with
 * the last step failing and 9 compensations. Prints JSON. Run: `node bench/workflows-memory.ts`
 * (Node 24 or later, which runs TypeScript directly). The workflows are exported for
 * bench/workflows-durable.ts, which runs them on PostgreSQL.
 */
import { realpathSync } from "node:fs"
import { performance } from "node:perf_hooks"
import { fileURLToPath } from "node:url"
import { asValue, createContainer } from "awilix"
import { MemoryWorkflowStorage, WORKFLOW_ENGINE_KEY, WorkflowEngine } from "../src/framework/orchestrator/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse, type WorkflowData } from "../src/framework/workflows-sdk/index.ts"

export const RUNS = 2_000
// As many warm-up runs as measured ones, on both engines: what is compared is each engine's
// steady-state cost per step, not how soon the JIT reaches it.
export const WARMUP_RUNS = 2_000
export const STEPS = 10

const noop = (index: number) =>
  createStep(
    `step-${index}`,
    async (value: number) => new StepResponse(value + 1),
    async () => {},
  )
const steps = Array.from({ length: STEPS }, (_, index) => noop(index))
const failingLast = createStep("failing-last", async () => {
  throw new Error("planned failure")
})

/** Calls the first `count` steps, each on the previous one's output. */
function chain(count: number): WorkflowData<number> | number {
  let value: WorkflowData<number> | number = 0
  for (const step of steps.slice(0, count)) value = step(value)
  return value
}

export const succeeding = createWorkflow("bench-success", () => new WorkflowResponse(chain(STEPS)))

export const failing = createWorkflow("bench-failure", () => {
  chain(STEPS - 1)
  failingLast()
})

async function measure(run: () => Promise<unknown>): Promise<{ totalMs: number; microsecondsPerRun: number; microsecondsPerStep: number }> {
  for (let i = 0; i < WARMUP_RUNS; i++) await run()
  const started = performance.now()
  for (let i = 0; i < RUNS; i++) await run()
  const totalMs = performance.now() - started
  const microsecondsPerRun = (totalMs * 1000) / RUNS
  return { totalMs: round(totalMs), microsecondsPerRun: round(microsecondsPerRun), microsecondsPerStep: round(microsecondsPerRun / STEPS) }
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

// Imported (by the durable benchmark) it only defines the workflows; run directly it measures them.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const engine = new WorkflowEngine({ storage: new MemoryWorkflowStorage() })
  const container = createContainer()
  container.register(WORKFLOW_ENGINE_KEY, asValue(engine))

  const success = await measure(async () => {
    const { result } = await succeeding(container).run()
    if (result !== STEPS) throw new Error(`unexpected result ${String(result)}`)
  })
  const compensated = await measure(async () => {
    const { transaction } = await failing(container).run({ throwOnError: false })
    if (transaction.state !== "failed") throw new Error(`unexpected state ${transaction.state}`)
  })

  console.log(
    JSON.stringify(
      {
        node: process.version,
        runs: RUNS,
        stepsPerRun: STEPS,
        success,
        failureWith9Compensations: compensated,
      },
      null,
      2,
    ),
  )
}
