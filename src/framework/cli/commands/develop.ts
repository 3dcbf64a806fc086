import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

const BIN = fileURLToPath(new URL("../../../../bin/agora.js", import.meta.url))

/** `start` under Node's watch mode: a change under src/ or to the config restarts the server. */
export function develop(): Promise<void> {
  const child = spawn(
    process.execPath,
    ["--watch-path=src", "--watch-path=medusa-config.ts", "--watch-preserve-output", BIN, "start", "--pretty"],
    { stdio: "inherit", env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "development" } },
  )
  const forward = (signal: NodeJS.Signals) => child.kill(signal)
  process.on("SIGINT", forward)
  process.on("SIGTERM", forward)
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      process.exitCode = code ?? 0
      resolve()
    }),
  )
}
