/*
 * Agora's in-memory workflow engine against Medusa's: the 10-step no-op workflow of
 * bench/workflows-memory.ts (and the variant whose last step fails, with 9 compensations), the
 * same runs and warm-up on each, and the ratio Medusa µs per step ÷ Agora µs per step (target ≥ 20).
 * Prints JSON. Run: `node bench/workflows-medusa.ts` (Node 24 or later).
 *
 * Medusa's packages are not the project's: they are installed at run time into the scratch folder
 * .agora/bench-medusa (its own package.json; `npm install` only when they are missing there), and
 * bench/medusa/medusa-workflows.mjs runs in a child process with that folder as its working
 * directory, resolving them from there. Agora's side is bench/workflows-memory.ts, in a child
 * process too. The two alternate for a few rounds (AGORA_BENCH_MEDUSA_ROUNDS, default 3) and each
 * keeps its best round, so a busy moment on the machine weighs on neither alone.
 */
import { spawn, spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { RUNS, STEPS, WARMUP_RUNS } from "./workflows-memory.ts"

const ROOT = path.resolve(import.meta.dirname, "..")
const FOLDER = path.join(ROOT, ".agora", "bench-medusa")
const MEDUSA_VERSION = "2.21.2"
const SCRATCH_PACKAGE = {
  name: "agora-bench-medusa",
  private: true,
  description: "Medusa's workflow packages for bench/workflows-medusa.ts; written by it, not part of the project",
  dependencies: { "@medusajs/workflows-sdk": MEDUSA_VERSION, awilix: "8.0.1" },
}
const ROUNDS = Math.max(1, Number(process.env.AGORA_BENCH_MEDUSA_ROUNDS ?? 3))
const TARGET_RATIO = 20

type Measure = { totalMs: number; microsecondsPerRun: number; microsecondsPerStep: number }
type Variants = { success: Measure; failureWith9Compensations: Measure }
type MedusaResult = Variants & {
  node: string
  packages: Record<string, string>
  loadMs: number
  runs: number
  warmupRuns: number
  stepsPerRun: number
  compensatedSteps: number
  loggerCalls: Record<string, number>
}
type AgoraResult = Variants & { node: string; runs: number; stepsPerRun: number }

function installedVersion(name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path.join(FOLDER, "node_modules", name, "package.json"), "utf8")) as { version?: string }).version
  } catch {
    return undefined
  }
}

/** The scratch folder with Medusa's packages at the pinned version; installs them when missing. */
function ensureMedusaInstalled(): void {
  mkdirSync(FOLDER, { recursive: true })
  const packageFile = path.join(FOLDER, "package.json")
  const wanted = `${JSON.stringify(SCRATCH_PACKAGE, null, 2)}\n`
  if (!existsSync(packageFile) || readFileSync(packageFile, "utf8") !== wanted) writeFileSync(packageFile, wanted)
  const pinned = Object.entries(SCRATCH_PACKAGE.dependencies)
  if (pinned.every(([name, version]) => installedVersion(name) === version)) return
  console.error(`Installing @medusajs/workflows-sdk@${MEDUSA_VERSION} into .agora/bench-medusa (once)...`)
  // stdout too goes to stderr: this script's stdout is its JSON.
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: FOLDER, stdio: ["ignore", 2, 2] })
  if (install.error !== undefined || install.status !== 0) {
    throw new Error(`npm install in .agora/bench-medusa failed (${install.error?.message ?? `exit ${String(install.status)}`})`)
  }
  const wrong = pinned.filter(([name, version]) => installedVersion(name) !== version)
  if (wrong.length > 0) throw new Error(`after npm install, .agora/bench-medusa has ${wrong.map(([name]) => `${name}@${installedVersion(name) ?? "none"}`).join(", ")}`)
}

/** Runs a Node script to its end; its stdout, and its stderr lines (passed on to ours as they come). */
function runNode(script: string, cwd: string, env: Record<string, string>): Promise<{ stdout: string; stderrLines: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk
      process.stderr.write(chunk)
    })
    child.on("error", reject)
    child.on("close", (code, signal) => {
      if (code === 0) resolve({ stdout, stderrLines: stderr.split("\n").filter((line) => line.trim() !== "") })
      else reject(new Error(`${path.relative(ROOT, script)} exited with ${signal ?? String(code)}`))
    })
  })
}

const medusaNotes = new Set<string>()

async function runMedusa(): Promise<MedusaResult> {
  const { stdout, stderrLines } = await runNode(path.join(ROOT, "bench", "medusa", "medusa-workflows.mjs"), FOLDER, {
    BENCH_RUNS: String(RUNS),
    BENCH_WARMUP_RUNS: String(WARMUP_RUNS),
    BENCH_STEPS: String(STEPS),
  })
  const marker = "MEDUSA_BENCH_RESULT "
  const lines = stdout.split("\n")
  const line = lines.find((l) => l.startsWith(marker))
  if (line === undefined) throw new Error(`the Medusa benchmark printed no result:\n${stdout}`)
  // Anything else Medusa printed (warnings, say) is reported.
  for (const other of [...lines.filter((l) => !l.startsWith(marker) && l.trim() !== ""), ...stderrLines]) medusaNotes.add(other.trim())
  return JSON.parse(line.slice(marker.length)) as MedusaResult
}

async function runAgora(): Promise<AgoraResult> {
  const { stdout } = await runNode(path.join(ROOT, "bench", "workflows-memory.ts"), ROOT, {})
  return JSON.parse(stdout) as AgoraResult
}

function best(results: Variants[]): Variants {
  const fastest = (pick: (v: Variants) => Measure) => results.map(pick).reduce((a, b) => (b.microsecondsPerStep < a.microsecondsPerStep ? b : a))
  return { success: fastest((v) => v.success), failureWith9Compensations: fastest((v) => v.failureWith9Compensations) }
}

function ratio(medusa: Measure, agora: Measure): number {
  return Math.round((medusa.microsecondsPerStep / agora.microsecondsPerStep) * 10) / 10
}

ensureMedusaInstalled()
const medusaRounds: MedusaResult[] = []
const agoraRounds: AgoraResult[] = []
for (let round = 0; round < ROUNDS; round++) {
  medusaRounds.push(await runMedusa())
  agoraRounds.push(await runAgora())
}
const medusa = best(medusaRounds)
const agora = best(agoraRounds)
const ratios = {
  success: ratio(medusa.success, agora.success),
  failureWith9Compensations: ratio(medusa.failureWith9Compensations, agora.failureWith9Compensations),
}
const first = medusaRounds[0] as MedusaResult
const perStep = (rounds: Variants[]) => ({
  success: rounds.map((r) => r.success.microsecondsPerStep),
  failureWith9Compensations: rounds.map((r) => r.failureWith9Compensations.microsecondsPerStep),
})

console.log(
  JSON.stringify(
    {
      node: process.version,
      runs: RUNS,
      warmupRuns: WARMUP_RUNS,
      stepsPerRun: STEPS,
      rounds: ROUNDS,
      medusa: {
        packages: first.packages,
        orchestrator: "default in-memory (no workflow engine module)",
        loadMs: first.loadMs,
        compensatedSteps: first.compensatedSteps,
        loggerCalls: first.loggerCalls,
        ...medusa,
        microsecondsPerStepByRound: perStep(medusaRounds),
      },
      agora: { ...agora, microsecondsPerStepByRound: perStep(agoraRounds) },
      ratioMedusaToAgora: ratios,
      target: { ratio: TARGET_RATIO, met: ratios.success >= TARGET_RATIO && ratios.failureWith9Compensations >= TARGET_RATIO },
      medusaOutput: [...medusaNotes],
    },
    null,
    2,
  ),
)
