import { spawn } from "node:child_process"
import http from "node:http"
import type { ChildProcess } from "node:child_process"
import { readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { setTimeout as sleep } from "node:timers/promises"
import autocannon from "autocannon"

export type Server = { process: ChildProcess; stop(): Promise<void> }

/**
 * The environment a benched Agora runs in: production, quiet, listening on `host`, with this
 * process's `node` first on PATH (bin/agora.js runs the `node` found there, whatever PATH the
 * bench was given).
 */
export function agoraBenchEnv(host: string): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    JWT_SECRET: "bench-secret-bench-secret",
    LOG_LEVEL: "warn",
    HOST: host,
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}`,
  }
}

/**
 * Runs `agora <args>` from the checkout in `root` to its end: its standard output, or an error with
 * what it printed. `running` (if given) holds the child while it runs, for a cleanup to stop it.
 */
export async function runAgoraCli(root: string, args: string[], env: NodeJS.ProcessEnv, running?: Set<ChildProcess>): Promise<string> {
  const child = spawn("./bin/agora.js", args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] })
  running?.add(child)
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString()))
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject)
    child.on("exit", resolve)
  }).finally(() => running?.delete(child))
  if (code !== 0) throw new Error(`agora ${args.join(" ")} (in ${root}) exited with ${code}:\n${stdout}\n${stderr.slice(-2000)}`)
  return stdout
}

/** Launches a command and resolves once `url` answers 200, with the launch-to-200 time. */
export async function launch(command: string[], env: NodeJS.ProcessEnv, url: string, cwd: string) {
  const started = performance.now()
  const [file, ...args] = command as [string, ...string[]]
  const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] })
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve))
  while (true) {
    if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.status === 200) break
    } catch {
      // not listening yet
    }
    await sleep(5)
  }
  const readyMs = performance.now() - started
  const server: Server = {
    process: child,
    stop: async () => {
      child.kill("SIGTERM")
      await exited
    },
  }
  return { server, readyMs }
}

/** CPU time (user and system) a process has used so far, in ms; Linux only (its clock ticks are 10 ms). */
export function processCpuMs(pid: number): number {
  // The command name is in parentheses and may hold spaces: fields are counted after it.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8")
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** CPU time used so far by each live process with this command name (PostgreSQL's server and backends), in ms by pid. */
export function commandCpuMs(command: string): Map<number, number> {
  const byPid = new Map<number, number>()
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8")
      if (stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")) === command) byPid.set(Number(entry), processCpuMs(Number(entry)))
    } catch {
      // gone meanwhile
    }
  }
  return byPid
}

/**
 * The CPU time processes used between two `commandCpuMs` readings: what those still alive used
 * since the first (all of it for new ones). A process that ended meanwhile (an idle connection
 * closed) is left out.
 */
export function cpuMsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0)
  return total
}

/**
 * Counts the instructions retired while it runs, with Linux `perf` (machine-wide, or of one process
 * with `pid`): a figure of the work done that neighbours sharing the machine's CPU hardly move,
 * unlike times. `stop()` answers the count, or undefined where `perf` or its counters are missing.
 */
export async function countInstructions(pid?: number): Promise<{ stop(): Promise<number | undefined> }> {
  const output = path.join(tmpdir(), `agora-bench-perf-${process.pid}-${pid ?? "all"}.csv`)
  const target = pid === undefined ? ["-a"] : ["-p", String(pid)]
  const perf = spawn("perf", ["stat", "-e", "instructions", "-x", ",", "-o", output, ...target], { stdio: "ignore" })
  const failed = new Promise<undefined>((resolve) => perf.once("error", () => resolve(undefined)))
  await Promise.race([sleep(300), failed])
  return {
    stop: async () => {
      if (perf.exitCode !== null || perf.pid === undefined) return undefined
      const exited = new Promise((resolve) => perf.once("exit", resolve))
      perf.kill("SIGINT")
      await Promise.race([exited, sleep(5000)])
      try {
        const line = readFileSync(output, "utf8").split("\n").find((entry) => entry.includes("instructions"))
        const count = Number(line?.split(",")[0])
        return Number.isFinite(count) && count > 0 ? count : undefined
      } catch {
        return undefined
      } finally {
        rmSync(output, { force: true })
      }
    },
  }
}

/** Resident memory of a process, in MB. */
export function residentMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"))
  return Number(line?.replace(/\D+/g, "") ?? 0) / 1024
}

export type LoadResult = { requestsPerSecond: number; latencyP50: number; latencyP99: number; errors: number; non2xx: number }

/** autocannon: 10 connections for `seconds`, after a short warm-up. */
export async function load(url: string, headers: Record<string, string>, seconds = 10): Promise<LoadResult> {
  await autocannon({ url, headers, connections: 10, duration: 2 })
  const result = await autocannon({ url, headers, connections: 10, duration: seconds })
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50: result.latency.p50,
    latencyP99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  }
}

/**
 * Sends requests one at a time over one kept-alive connection, as a storefront's server-side
 * client does. `node:http` rather than `fetch`: on a small machine the client shares the CPU with
 * the server it measures, and `fetch` costs it about twice the CPU per request.
 */
export function sequentialClient(host: string, port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  return {
    send(method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
      return new Promise((resolve, reject) => {
        const withLength = body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) }
        const request = http.request({ host, port, method, path: pathname, agent, headers: withLength }, (response) => {
          const chunks: Buffer[] = []
          response.on("data", (chunk: Buffer) => chunks.push(chunk))
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }))
          response.on("error", reject)
        })
        request.on("error", reject)
        request.end(body)
      })
    },
    close: () => agent.destroy(),
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
