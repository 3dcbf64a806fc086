import { existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { z } from "zod"
import { configSchema, DEFAULT_JWT_SECRET } from "./schema.ts"
import type { AgoraConfig, InputConfig } from "./types.ts"

export const CONFIG_FILE = "medusa-config.ts"

/** A configuration problem, phrased as one line that names the key. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "ConfigError"
  }
}

/** Reads `.env` (when present) into process.env without overriding variables already set. */
export function loadEnvFile(rootDir: string): void {
  const file = path.join(rootDir, ".env")
  if (existsSync(file)) process.loadEnvFile(file)
}

/** Loads, validates and completes medusa-config.ts from `rootDir`. */
export async function loadConfig(rootDir: string = process.cwd()): Promise<AgoraConfig> {
  loadEnvFile(rootDir)
  const file = path.join(rootDir, CONFIG_FILE)
  if (!existsSync(file)) throw new ConfigError(`No ${CONFIG_FILE} found in ${rootDir}`)
  const imported: { default?: InputConfig } = await import(pathToFileURL(file).href)
  if (!imported.default) throw new ConfigError(`${CONFIG_FILE} must export default defineConfig({ ... })`)
  return validateConfig(imported.default, rootDir)
}

/** Validates a config object; the first problem becomes a one-line ConfigError naming its key. */
export function validateConfig(
  input: InputConfig,
  rootDir: string,
  environment: string = process.env.NODE_ENV ?? "development",
): AgoraConfig {
  const parsed = configSchema.safeParse(input)
  if (!parsed.success) throw new ConfigError(describeIssue(parsed.error.issues[0]))
  const config: AgoraConfig = { ...parsed.data, rootDir, environment }
  if (environment === "production" && config.projectConfig.http.jwtSecret === DEFAULT_JWT_SECRET) {
    throw new ConfigError(
      "Invalid config: projectConfig.http.jwtSecret is the default secret; set JWT_SECRET to a long random value in production",
    )
  }
  return config
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "Invalid config"
  const key = issue.path.map(String).join(".") || "(root)"
  if (issue.code === "unrecognized_keys") {
    const where = key === "(root)" ? "" : `${key}.`
    return `Invalid config: unknown key ${issue.keys.map((k) => `${where}${k}`).join(", ")}`
  }
  return `Invalid config: ${key} ${issue.message}`
}
