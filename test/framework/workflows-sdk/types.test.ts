import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import { fileURLToPath } from "node:url"
import { expect, test } from "vitest"

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
const project = fileURLToPath(new URL("./types/tsconfig.json", import.meta.url))

test("types flow through steps, transform, when, hooks and run(), and misuse does not compile", () => {
  const compiled = spawnSync(process.execPath, [tsc, "--noEmit", "-p", project], { encoding: "utf8" })

  expect(compiled.stdout + compiled.stderr).toBe("")
  expect(compiled.status).toBe(0)
}, 60_000)
