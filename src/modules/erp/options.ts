import { z } from "zod"

/** Blank values count as unset, so `ERP_URL=` in an env file behaves like no ERP_URL. */
const unsetIfBlank = (value: unknown) => (value === "" || value === null ? undefined : value)

const ErpModuleOptions = z.object({
  baseUrl: z.preprocess(unsetIfBlank, z.url({ protocol: /^https?$/ }).optional()),
  apiKey: z.preprocess(unsetIfBlank, z.string().optional()),
  timeoutMs: z.preprocess(unsetIfBlank, z.coerce.number().int().positive().default(5_000)),
})

/** The erp module's options in medusa-config.ts: `{ baseUrl: process.env.ERP_URL, apiKey?, timeoutMs? }`. */
export type ErpModuleOptions = z.input<typeof ErpModuleOptions>

export type ErpSettings = z.output<typeof ErpModuleOptions>

/** Checks the options when the app builds the service; a missing `baseUrl` only fails the calls that need it. */
export function parseErpOptions(options: Record<string, unknown>): ErpSettings {
  const parsed = ErpModuleOptions.safeParse(options)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`erp module options: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`)
  }
  return parsed.data
}
