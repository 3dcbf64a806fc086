import { execFile } from "node:child_process"
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..")
const BIN = path.join(REPO_ROOT, "bin/agora.js")
const FRAMEWORK_URL = pathToFileURL(path.join(REPO_ROOT, "src/framework")).href

export type TempProject = {
  dir: string
  /** Copies `test/fixtures/modules/<name>` to `src/modules/<name>`, its framework imports made absolute. */
  addModule(name: string): string
  writeConfig(source: string): void
  /** Runs `node bin/agora.js <args>` with the project as working directory. */
  cli(args: string[], env?: Record<string, string>): Promise<CliResult>
  remove(): void
}

export type CliResult = { code: number | null; stdout: string; stderr: string }

/** A project folder under the OS temp folder, as a developer's would look, with the repo's dependencies. */
export function createTempProject(prefix: string): TempProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), `agora-${prefix}-`))
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "temp-project", type: "module", private: true }))
  // Generated migrations import @mikro-orm/migrations, which a project resolves from its node_modules.
  symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(dir, "node_modules"), "dir")
  return {
    dir,
    addModule: (name) => {
      const target = path.join(dir, "src/modules", name)
      cpSync(path.join(REPO_ROOT, "test/fixtures/modules", name), target, { recursive: true })
      for (const file of filesUnder(target).filter((f) => f.endsWith(".ts"))) {
        const source = readFileSync(file, "utf8")
        writeFileSync(file, source.replace(/(["'])(?:\.\.\/)+src\/framework\//g, `$1${FRAMEWORK_URL}/`))
      }
      return target
    },
    writeConfig: (source) => writeFileSync(path.join(dir, "medusa-config.ts"), source),
    cli: (args, env = {}) =>
      new Promise((resolve) => {
        execFile(
          process.execPath,
          [BIN, ...args],
          { cwd: dir, env: { ...process.env, ...env }, timeout: 60_000 },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === "number" ? error.code : null) : 0
            resolve({ code, stdout, stderr })
          },
        )
      }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** The import specifier of a framework entry, for configs written into a temp project. */
export function frameworkImport(entry: string): string {
  return `${FRAMEWORK_URL}/${entry}`
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? filesUnder(full) : [full]
  })
}
