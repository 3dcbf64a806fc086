import { z } from "zod"
import { importProviderClass, isProviderClass, parseModuleOptions, ProviderRegistry } from "../../../framework/modules/index.ts"
import { SystemPaymentProvider } from "./system.ts"
import type { PaymentProvider, PaymentProviderClass } from "./types.ts"

export const SYSTEM_PROVIDER_ID = "pp_system_default"

const ModuleOptions = z.object({
  providers: z
    .array(
      z.object({
        resolve: z.custom<PaymentProviderClass | string>((value) => (typeof value === "string" && value !== "") || isProviderClass(value), {
          message: "must be a file to import or a payment provider class with a static identifier",
        }),
        id: z.string().min(1),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
})

/** The payment providers of one app, by id: the system provider plus those configured in the module's options. */
export class PaymentProviderRegistry extends ProviderRegistry<PaymentProvider> {
  /** Builds every configured provider; `rootDir` is where relative `resolve` paths start. */
  static async load(options: Record<string, unknown>, rootDir: string): Promise<PaymentProviderRegistry> {
    const { providers } = parseModuleOptions("payment", ModuleOptions, options)
    const byId = new Map<string, PaymentProvider>([[SYSTEM_PROVIDER_ID, new SystemPaymentProvider()]])
    for (const config of providers) {
      const Provider =
        typeof config.resolve === "string" ? await importProviderClass<PaymentProviderClass>(config.resolve, rootDir, "payment") : config.resolve
      const id = `pp_${Provider.identifier}_${config.id}`
      if (byId.has(id)) throw new Error(`payment module options: two providers have the id ${id}`)
      byId.set(id, new Provider(config.options ?? {}))
    }
    return new PaymentProviderRegistry("Payment", byId)
  }
}
