import { execFile } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { afterAll, afterEach, describe, expect, test } from "vitest"
import { ConfigError, DEFAULT_JWT_SECRET, loadConfig, validateConfig } from "../../../src/framework/config/index.ts"
import type { InputConfig } from "../../../src/framework/config/index.ts"

const REPO_ROOT = path.resolve(import.meta.dirname, "../../..")
const BIN = path.join(REPO_ROOT, "bin/agora.js")
const CONFIG_MODULE = pathToFileURL(path.join(REPO_ROOT, "src/framework/config/index.ts")).href
const ROOT = "/srv/shop"

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
})

/** A project folder holding the given files; each is a fresh path, so Node's import cache never interferes. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "agora-config-"))
  tempDirs.push(dir)
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }))
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content)
  return dir
}

function configError(input: unknown, environment = "development"): ConfigError {
  try {
    validateConfig(input as InputConfig, ROOT, environment)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).not.toContain("\n")
    return error as ConfigError
  }
  return expect.fail("expected the config to be refused")
}

describe("validateConfig refuses a bad value in one line naming the key", () => {
  test.each([
    [{ projectConfig: { http: { port: "abc" } } }, "Invalid config: projectConfig.http.port must be a port number"],
    [{ projectConfig: { http: { port: 70000 } } }, "Invalid config: projectConfig.http.port must be between 0 and 65535"],
    [{ projectConfig: { http: { port: "80.5" } } }, "Invalid config: projectConfig.http.port must be a whole number"],
    [
      { projectConfig: { databaseUrl: "mysql://x" } },
      "Invalid config: projectConfig.databaseUrl must be a URL starting with postgres:// or postgresql://",
    ],
    [
      { projectConfig: { redisUrl: "http://cache" } },
      "Invalid config: projectConfig.redisUrl must be a URL starting with redis:// or rediss://",
    ],
    [
      { projectConfig: { http: { jwtExpiresIn: "soon" } } },
      "Invalid config: projectConfig.http.jwtExpiresIn must be a duration such as 3600, 15m, 12h or 1d",
    ],
    [{ projectConfig: { databseUrl: "postgres://x" } }, "Invalid config: unknown key projectConfig.databseUrl"],
    [{ projectConfig: { http: { prot: 1 } } }, "Invalid config: unknown key projectConfig.http.prot"],
    [{ plugins: [] }, "Invalid config: unknown key plugins"],
    [{ modules: [{ resolve: "" }] }, "Invalid config: modules.0.resolve must name the module's folder"],
  ])("%j", (input, message) => {
    expect(configError(input).message).toBe(message)
  })

  test("an unknown workerMode names the key and the allowed values", () => {
    const { message } = configError({ projectConfig: { workerMode: "nope" } })
    expect(message).toMatch(/^Invalid config: projectConfig\.workerMode /)
    for (const mode of ["shared", "server", "worker"]) expect(message).toContain(mode)
  })

  test("in production the default JWT secret is refused; another secret is accepted", () => {
    expect(configError({}, "production").message).toBe(
      "Invalid config: projectConfig.http.jwtSecret is the default secret; set JWT_SECRET to a long random value in production",
    )
    const config = validateConfig({ projectConfig: { http: { jwtSecret: "a-long-random-value" } } }, ROOT, "production")
    expect(config.projectConfig.http.jwtSecret).toBe("a-long-random-value")
    expect(validateConfig({}, ROOT, "development").projectConfig.http.jwtSecret).toBe(DEFAULT_JWT_SECRET)
  })
})

describe("validateConfig fills in defaults and normalises values", () => {
  test("an empty config gets every default", () => {
    expect(validateConfig({}, ROOT, "test")).toEqual({
      projectConfig: {
        databaseUrl: undefined,
        redisUrl: undefined,
        workerMode: "shared",
        http: {
          port: 9000,
          host: "0.0.0.0",
          storeCors: "",
          adminCors: "",
          authCors: "",
          jwtSecret: DEFAULT_JWT_SECRET,
          jwtExpiresIn: "1d",
        },
        workflows: { retentionTime: 604_800, recoveryInterval: 60, staleAfter: 300, maxRecoveryAttempts: 3 },
      },
      modules: [],
      rootDir: ROOT,
      environment: "test",
    })
  })

  test("values read from the environment as strings become their types; empty URLs count as unset", () => {
    const config = validateConfig(
      { projectConfig: { databaseUrl: "", redisUrl: " ", workerMode: "worker", http: { port: "8080", jwtExpiresIn: "15m" } } },
      ROOT,
    )
    expect(config.projectConfig).toMatchObject({
      databaseUrl: undefined,
      redisUrl: undefined,
      workerMode: "worker",
      http: { port: 8080, jwtExpiresIn: "15m", host: "0.0.0.0" },
    })
  })

  test("modules given as a record become a list", () => {
    const config = validateConfig({ modules: { brand: { resolve: "./src/modules/brand", options: { a: 1 } } } }, ROOT)
    expect(config.modules).toEqual([{ resolve: "./src/modules/brand", options: { a: 1 } }])
  })
})

describe("loadConfig", () => {
  const variables = ["AGORA_CFG_PORT", "AGORA_CFG_SECRET", "AGORA_CFG_SET_IN_SHELL"]
  afterEach(() => {
    for (const name of variables) delete process.env[name]
  })

  test("reads medusa-config.ts written with defineConfig, and .env without overriding variables already set", async () => {
    process.env.AGORA_CFG_SET_IN_SHELL = "postgres://from-shell/db"
    const dir = project({
      ".env": "AGORA_CFG_PORT=7001\nAGORA_CFG_SECRET=from-env-file\nAGORA_CFG_SET_IN_SHELL=postgres://from-env-file/db\n",
      "medusa-config.ts": `import { defineConfig } from "${CONFIG_MODULE}"
export default defineConfig({
  projectConfig: {
    databaseUrl: process.env.AGORA_CFG_SET_IN_SHELL,
    http: { port: process.env.AGORA_CFG_PORT, jwtSecret: process.env.AGORA_CFG_SECRET },
  },
})
`,
    })

    const config = await loadConfig(dir)
    expect(config.projectConfig.http.port).toBe(7001)
    expect(config.projectConfig.http.jwtSecret).toBe("from-env-file")
    expect(config.projectConfig.databaseUrl).toBe("postgres://from-shell/db")
    expect(config.rootDir).toBe(dir)
  })

  test("a plain exported object works as well as defineConfig", async () => {
    const dir = project({ "medusa-config.ts": `export default { projectConfig: { http: { port: 1234 } } }\n` })
    expect((await loadConfig(dir)).projectConfig.http.port).toBe(1234)
  })

  test("an invalid file is refused with the same one-line error", async () => {
    const dir = project({ "medusa-config.ts": `export default { projectConfig: { http: { port: 70000 } } }\n` })
    await expect(loadConfig(dir)).rejects.toThrow(
      new ConfigError("Invalid config: projectConfig.http.port must be between 0 and 65535"),
    )
  })

  test("a missing file or a missing default export is named", async () => {
    const empty = project({})
    await expect(loadConfig(empty)).rejects.toThrow(`No medusa-config.ts found in ${empty}`)
    const noDefault = project({ "medusa-config.ts": "export const config = {}\n" })
    await expect(loadConfig(noDefault)).rejects.toThrow("medusa-config.ts must export default defineConfig({ ... })")
  })
})

describe("agora start with an invalid config", () => {
  const CONFIG_FROM_ENV = `export default {
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    workerMode: process.env.AGORA_WORKER_MODE,
    http: { port: process.env.PORT },
  },
}
`

  /** Runs `node bin/agora.js start` in `dir` with only the given variables of ours set. */
  function start(dir: string, env: Record<string, string> = {}) {
    const base = { ...process.env }
    for (const name of ["DATABASE_URL", "AGORA_WORKER_MODE", "PORT", "JWT_SECRET", "NODE_ENV"]) delete base[name]
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, "start"], { cwd: dir, env: { ...base, ...env }, timeout: 30_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
      )
    })
  }

  test.each([
    [{ PORT: "70000" }, "Invalid config: projectConfig.http.port must be between 0 and 65535"],
    [{ DATABASE_URL: "mysql://x" }, "Invalid config: projectConfig.databaseUrl must be a URL starting with postgres:// or postgresql://"],
    [{ NODE_ENV: "production", DATABASE_URL: "postgres://127.0.0.1:1/none" }, "Invalid config: projectConfig.http.jwtSecret is the default secret; set JWT_SECRET to a long random value in production"],
  ])("exits 1 printing one line naming the key: %j", async (env, line) => {
    const result = await start(project({ "medusa-config.ts": CONFIG_FROM_ENV }), env)
    expect(result.stderr).toBe(`${line}\n`)
    expect(result.stdout).toBe("")
    expect(result.code).toBe(1)
  })

  test("a bad workerMode from .env is reported the same way", async () => {
    const result = await start(project({ "medusa-config.ts": CONFIG_FROM_ENV, ".env": "AGORA_WORKER_MODE=nope\n" }))
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1)
    expect(result.stderr).toMatch(/^Invalid config: projectConfig\.workerMode /)
    expect(result.code).toBe(1)
  })

  test("an unknown key in the file is reported the same way", async () => {
    const result = await start(project({ "medusa-config.ts": "export default { projectConfig: { prot: 9000 } }\n" }))
    expect(result.stderr).toBe("Invalid config: unknown key projectConfig.prot\n")
    expect(result.code).toBe(1)
  })
})
