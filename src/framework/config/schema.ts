import { z } from "zod"

export const DEFAULT_JWT_SECRET = "supersecret"

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine((value) => value === undefined || protocols.some((p) => value.startsWith(`${p}://`)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(" or ")}`,
    })

const corsList = z.string().default("")

export const httpConfigSchema = z
  .object({
    port: z.coerce
      .number({ message: "must be a port number" })
      .int("must be a whole number")
      .min(0, "must be between 0 and 65535")
      .max(65535, "must be between 0 and 65535")
      .default(9000),
    host: z.string().min(1).default("0.0.0.0"),
    storeCors: corsList,
    adminCors: corsList,
    authCors: corsList,
    jwtSecret: z.string().min(1, "must not be empty").default(DEFAULT_JWT_SECRET),
    jwtExpiresIn: z
      .string()
      .regex(/^\d+\s*(ms|s|m|h|d|w|y)?$/, "must be a duration such as 3600, 15m, 12h or 1d")
      .default("1d"),
  })
  .strict()

const seconds = (fallback: number) =>
  z.coerce.number({ message: "must be a number of seconds" }).positive("must be more than 0").default(fallback)

export const workflowsConfigSchema = z
  .object({
    retentionTime: seconds(7 * 86_400),
    recoveryInterval: seconds(60),
    staleAfter: seconds(300),
    maxRecoveryAttempts: z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").default(3),
  })
  .strict()

export const projectConfigSchema = z
  .object({
    databaseUrl: optionalUrl(["postgres", "postgresql"]),
    redisUrl: optionalUrl(["redis", "rediss"]),
    workerMode: z.enum(["shared", "server", "worker"]).default("shared"),
    http: httpConfigSchema.default(() => httpConfigSchema.parse({})),
    workflows: workflowsConfigSchema.default(() => workflowsConfigSchema.parse({})),
  })
  .strict()

const moduleConfigSchema = z
  .object({
    resolve: z.string().min(1, "must name the module's folder"),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()

export const configSchema = z
  .object({
    projectConfig: projectConfigSchema.default(() => projectConfigSchema.parse({})),
    modules: z
      .union([z.array(moduleConfigSchema), z.record(z.string(), moduleConfigSchema)])
      .default([])
      .transform((modules) => (Array.isArray(modules) ? modules : Object.values(modules))),
  })
  .strict()
