/*
 * Medusa's side of bench/workflows-medusa.ts: the 10-step no-op workflow of bench/workflows-memory.ts
 * (and the variant whose last step fails, with 9 compensations), written with
 * @medusajs/workflows-sdk and run on its default in-memory orchestrator, without a Medusa app.
 *
 * Run by bench/workflows-medusa.ts with the scratch folder that holds Medusa's packages as its
 * working directory: the packages are resolved from there, not from the project. Prints one line,
 * `MEDUSA_BENCH_RESULT <json>`.
 */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { performance } from "node:perf_hooks"

const RUNS = Number(process.env.BENCH_RUNS ?? 2000)
const WARMUP_RUNS = Number(process.env.BENCH_WARMUP_RUNS ?? 200)
const STEPS = Number(process.env.BENCH_STEPS ?? 10)

const folder = process.cwd()
const require = createRequire(path.join(folder, "package.json"))
const loadStarted = performance.now()
const { createStep, createWorkflow, StepResponse, WorkflowResponse } = require("@medusajs/workflows-sdk")
const { createMedusaContainer } = require("@medusajs/utils")
const { asValue } = require("awilix")
const loadMs = performance.now() - loadStarted
const versionOf = (name) => JSON.parse(readFileSync(path.join(folder, "node_modules", name, "package.json"), "utf8")).version

const noop = (index) =>
  createStep(
    `step-${index}`,
    async (value) => new StepResponse(value + 1),
    async () => {},
  )
const steps = Array.from({ length: STEPS }, (_, index) => noop(index))
const failingLast = createStep("failing-last", async () => {
  throw new Error("planned failure")
})

/** Calls the first `count` steps, each on the previous one's output, starting from the workflow input. */
function chain(input, count) {
  let value = input
  for (const step of steps.slice(0, count)) value = step(value)
  return value
}

// Medusa hands a step a falsy literal (`step(0)`) as an empty object, so the chain starts from the
// workflow's input, which every run passes as 0 (Agora's starts from a literal 0).
const succeeding = createWorkflow("bench-success", (input) => new WorkflowResponse(chain(input, STEPS)))

const failing = createWorkflow("bench-failure", (input) => {
  chain(input, STEPS - 1)
  failingLast()
})

// A Medusa app runs workflows with `myWorkflow(req.scope)`: a container with registrations (given
// one without any, Medusa would fall back to its loaded modules on every run). The logger is the
// one registration here; it counts what Medusa logs.
const loggerCalls = {}
const logger = Object.fromEntries(
  ["log", "info", "warn", "error", "debug", "http", "verbose", "silly", "panic", "activity", "progress", "success", "failure"].map((level) => [
    level,
    () => {
      loggerCalls[level] = (loggerCalls[level] ?? 0) + 1
    },
  ]),
)
logger.shouldLog = () => false
logger.setLogLevel = () => {}
logger.unsetLogLevel = () => {}
const container = createMedusaContainer()
container.register("logger", asValue(logger))

async function runSucceeding() {
  const { result, transaction } = await succeeding(container).run({ input: 0 })
  if (result !== STEPS) throw new Error(`unexpected result ${String(result)} (state ${transaction.getState()})`)
}

async function runFailing() {
  const { errors, transaction } = await failing(container).run({ input: 0, throwOnError: false })
  if (transaction.getState() !== "reverted") throw new Error(`unexpected state ${transaction.getState()}`)
  if (errors[0]?.error?.message !== "planned failure") throw new Error(`unexpected errors ${JSON.stringify(errors)}`)
  return transaction
}

/** Once, outside the measure: the failing run compensated exactly the steps before the failure. */
async function checkCompensations() {
  const transaction = await runFailing()
  const states = Object.values(transaction.getFlow().steps).filter((step) => step.invoke !== undefined)
  const compensated = states.filter((step) => step.invoke.state === "done" && step.compensate.state === "reverted").length
  if (compensated !== STEPS - 1) throw new Error(`expected ${STEPS - 1} compensated steps, found ${compensated}`)
  return compensated
}

async function measure(run) {
  for (let i = 0; i < WARMUP_RUNS; i++) await run()
  const started = performance.now()
  for (let i = 0; i < RUNS; i++) await run()
  const totalMs = performance.now() - started
  const microsecondsPerRun = (totalMs * 1000) / RUNS
  return { totalMs: round(totalMs), microsecondsPerRun: round(microsecondsPerRun), microsecondsPerStep: round(microsecondsPerRun / STEPS) }
}

function round(value) {
  return Math.round(value * 100) / 100
}

const compensatedSteps = await checkCompensations()
const success = await measure(runSucceeding)
const failureWith9Compensations = await measure(runFailing)

const result = {
  node: process.version,
  packages: Object.fromEntries(["@medusajs/workflows-sdk", "@medusajs/orchestration", "@medusajs/utils", "awilix"].map((name) => [name, versionOf(name)])),
  loadMs: round(loadMs),
  runs: RUNS,
  warmupRuns: WARMUP_RUNS,
  stepsPerRun: STEPS,
  compensatedSteps,
  success,
  failureWith9Compensations,
  loggerCalls,
}
console.log(`MEDUSA_BENCH_RESULT ${JSON.stringify(result)}`)
