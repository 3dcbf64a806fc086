import { existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { z } from "zod"
import type { ModuleDependencies } from "../../../framework/modules/index.ts"
import { AgoraError } from "../../../framework/errors/index.ts"
import { SystemPaymentProvider } from "./system.ts"
import type { PaymentProvider, PaymentProviderClass } from "./types.ts"

export const SYSTEM_PROVIDER_ID = "pp_system_default"

function isProviderClass(value: unknown): value is PaymentProviderClass {
  return typeof value === "function" && "identifier" in value && typeof value.identifier === "string"
}

const ProviderClass = z.custom<PaymentProviderClass>(isProviderClass, {
  message: "must be a payment provider class with a static identifier",
})

const ModuleOptions = z.object({
  providers: z
    .array(
      z.object({
        resolve: z.custom<PaymentProviderClass | string>(
          (value) => (typeof value === "string" && value !== "") || isProviderClass(value),
          { message: "must be a file to import or a payment provider class with a static identifier" },
        ),
        id: z.string().min(1),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
})

/** The payment providers of one app, by id: the system provider plus those configured in the module's options. */
export class PaymentProviderRegistry {
  private readonly byId: Map<string, PaymentProvider>

  private constructor(byId: Map<string, PaymentProvider>) {
    this.byId = byId
  }

  /** Builds every configured provider; `rootDir` is where relative `resolve` paths start. */
  static async load(options: Record<string, unknown>, rootDir: string): Promise<PaymentProviderRegistry> {
    const parsed = ModuleOptions.safeParse(options)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`payment module options: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`)
    }
    const byId = new Map<string, PaymentProvider>([[SYSTEM_PROVIDER_ID, new SystemPaymentProvider()]])
    for (const config of parsed.data.providers) {
      const Provider = typeof config.resolve === "string" ? await importProvider(config.resolve, rootDir) : config.resolve
      const id = `pp_${Provider.identifier}_${config.id}`
      if (byId.has(id)) throw new Error(`payment module options: two providers have the id ${id}`)
      byId.set(id, new Provider(config.options ?? {}))
    }
    return new PaymentProviderRegistry(byId)
  }

  ids(): string[] {
    return [...this.byId.keys()]
  }

  /** The provider with this id; `not_found` naming it when there is none. */
  get(id: string): PaymentProvider {
    const provider = this.byId.get(id)
    if (!provider) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Payment provider with id: ${id} was not found`)
    return provider
  }
}

async function importProvider(resolve: string, rootDir: string): Promise<PaymentProviderClass> {
  const target = resolve.startsWith(".") ? path.resolve(rootDir, resolve) : resolve
  const entry = existsSync(path.join(target, "index.ts")) ? path.join(target, "index.ts") : target
  const specifier = path.isAbsolute(entry) ? pathToFileURL(entry).href : entry
  const imported: { default?: unknown } = await import(specifier)
  const parsed = ProviderClass.safeParse(imported.default)
  if (!parsed.success) throw new Error(`payment provider ${resolve}: the default export ${parsed.error.issues[0]?.message}`)
  return parsed.data
}

/** Where relative provider paths start: the project root from the app's config. */
export function rootDirOf(dependencies: ModuleDependencies): string {
  const config = dependencies.configModule
  if (typeof config === "object" && config !== null && "rootDir" in config && typeof config.rootDir === "string") {
    return config.rootDir
  }
  return process.cwd()
}
