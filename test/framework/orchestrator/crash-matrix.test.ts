import { spawn } from "node:child_process"
import path from "node:path"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { EFFECT_TABLES } from "../../fixtures/crash/workflows/effects.ts"
import { PROJECT_ROOT, startTestApp, type TestApp } from "../../setup/test-app.ts"

const CHILD = path.join(PROJECT_ROOT, "test/fixtures/crash/run-until-crash.ts")
const WORKFLOWS_DIR = path.join(PROJECT_ROOT, "test/fixtures/crash/workflows")

type Case = {
  workflowId: "three-effects" | "two-effects-then-fail"
  crashAt: string
  /** How often each step body (and compensation) ran in the crashed process and the recovering one together. */
  calls: Record<string, number>
  endState: "done" | "failed"
  effects: string[]
  /** The crash point comes after the write that ended the run: recovery finds nothing to do. */
  endedBeforeCrash?: boolean
}

const ALL_DONE = ["first", "second", "third"]

/** The matrix: every step boundary of a workflow that succeeds, and of one that fails and compensates. */
function cases(): Case[] {
  const list: Case[] = []
  const forward = ["first", "second", "third"]
  for (const step of forward) {
    for (const point of ["before-step", "after-invoke", "after-checkpoint"]) {
      const calls = Object.fromEntries(forward.map((s) => [`${s}:invoke`, 1]))
      // Killed after the step's work but before its end was recorded: it runs again on recovery.
      if (point === "after-invoke") calls[`${step}:invoke`] = 2
      // The last step's end is written with the run's: once it is, the run is done.
      const endedBeforeCrash = point === "after-checkpoint" && step === "third"
      list.push({ workflowId: "three-effects", crashAt: `${point}:${step}`, calls, endState: "done", effects: ALL_DONE, endedBeforeCrash })
    }
  }
  list.push({
    workflowId: "three-effects",
    crashAt: "before-finish",
    // The run's end carries the last step's: killed before it, the last step runs again.
    calls: { "first:invoke": 1, "second:invoke": 1, "third:invoke": 2 },
    endState: "done",
    effects: ALL_DONE,
  })

  const failing = (): Record<string, number> => ({
    "first:invoke": 1,
    "second:invoke": 1,
    "refuse:invoke": 1,
    "second:compensate": 1,
    "first:compensate": 1,
  })
  for (const step of ["first", "second"]) {
    for (const point of ["before-step", "after-invoke", "after-checkpoint"]) {
      const calls = failing()
      if (point === "after-invoke") calls[`${step}:invoke`] = 2
      list.push({ workflowId: "two-effects-then-fail", crashAt: `${point}:${step}`, calls, endState: "failed", effects: [] })
    }
  }
  list.push({ workflowId: "two-effects-then-fail", crashAt: "before-step:refuse", calls: failing(), endState: "failed", effects: [] })
  for (const step of ["second", "first"]) {
    for (const point of ["before-compensate", "after-compensate"]) {
      const calls = failing()
      if (point === "after-compensate") calls[`${step}:compensate`] = 2
      list.push({ workflowId: "two-effects-then-fail", crashAt: `${point}:${step}`, calls, endState: "failed", effects: [] })
    }
  }
  return list
}

let t: TestApp

beforeAll(async () => {
  // Owners silent for 50 ms are presumed dead: the killed child's runs can be taken over at once.
  t = await startTestApp(
    { modules: [], projectConfig: { workflows: { staleAfter: 0.05, recoveryInterval: 3600 } } },
    { workflowsDir: WORKFLOWS_DIR },
  )
  for (const sql of EFFECT_TABLES) await t.app.database.execute(sql)
  await t.app.workflows.start()
})
afterAll(() => t?.close())

/** Runs the child until it kills itself at the crash point; resolves with how it ended. */
function runUntilCrash(c: Case, transactionId: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CHILD, t.database.url, c.workflowId, transactionId, c.crashAt], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  })
  let stderr = ""
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stderr })))
}

describe("a run killed with SIGKILL at each step boundary is recovered by another process", () => {
  test.each(cases().map((c, index) => ({ ...c, transactionId: `crash-${index}` })))(
    "$workflowId, killed at $crashAt, ends $endState",
    async (c) => {
      const exit = await runUntilCrash(c, c.transactionId)
      expect(exit.stderr).toBe("")
      expect(exit.signal, "the child must die at its crash point").toBe("SIGKILL")
      const before = await t.app.workflows.engine.getTransaction(c.workflowId, c.transactionId)
      const finished = before?.state === "done" || before?.state === "failed"
      expect(finished, `the run must be ${c.endedBeforeCrash === true ? "finished" : "unfinished"} when its process dies`).toBe(c.endedBeforeCrash === true)

      await new Promise((resolve) => setTimeout(resolve, 60))
      await t.app.workflows.engine.recover()

      const after = await t.app.workflows.engine.getTransaction(c.workflowId, c.transactionId)
      expect(after?.state).toBe(c.endState)
      expect(after?.execution.owner).toBeNull()
      expect(after?.execution.recoveryAttempts).toBe(c.endedBeforeCrash === true ? 0 : 1)
      if (c.endState === "done") {
        // Every step's end is recorded, the last one's included.
        const statuses = Object.fromEntries(Object.values(after?.steps ?? {}).map((step) => [step.stepId, step.status]))
        expect(statuses).toEqual(Object.fromEntries(ALL_DONE.map((step) => [step, "done"])))
      }
      const effects = await t.app.database.execute<{ step: string }>(
        `select "step" from "crash_effect" where "run" = ? order by "step"`,
        [c.transactionId],
      )
      expect(effects.map((row) => row.step)).toEqual([...c.effects].sort())
      const calls = await t.app.database.execute<{ call: string; times: number }>(
        `select "step" || ':' || "action" as "call", count(*)::int as "times" from "crash_call" where "run" = ? group by 1`,
        [c.transactionId],
      )
      expect(Object.fromEntries(calls.map((row) => [row.call, row.times]))).toEqual(c.calls)
    },
  )
})
