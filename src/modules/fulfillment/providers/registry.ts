import { z } from "zod"
import { importProviderClass, isProviderClass, parseModuleOptions, ProviderRegistry } from "../../../framework/modules/index.ts"
import { ManualFulfillmentProvider } from "./manual.ts"
import type { FulfillmentProvider, FulfillmentProviderClass } from "./types.ts"

export const MANUAL_PROVIDER_ID = "manual_manual"

const ModuleOptions = z.object({
  providers: z
    .array(
      z.object({
        resolve: z.custom<FulfillmentProviderClass | string>((value) => (typeof value === "string" && value !== "") || isProviderClass(value), {
          message: "must be a file to import or a fulfillment provider class with a static identifier",
        }),
        id: z.string().min(1),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default([]),
})

/** The fulfillment providers of one app, by id: the manual provider plus those configured in the module's options. */
export class FulfillmentProviderRegistry extends ProviderRegistry<FulfillmentProvider> {
  /** Builds every configured provider; `rootDir` is where relative `resolve` paths start. */
  static async load(options: Record<string, unknown>, rootDir: string): Promise<FulfillmentProviderRegistry> {
    const { providers } = parseModuleOptions("fulfillment", ModuleOptions, options)
    const byId = new Map<string, FulfillmentProvider>([[MANUAL_PROVIDER_ID, new ManualFulfillmentProvider()]])
    for (const config of providers) {
      const Provider =
        typeof config.resolve === "string" ? await importProviderClass<FulfillmentProviderClass>(config.resolve, rootDir, "fulfillment") : config.resolve
      const id = `${Provider.identifier}_${config.id}`
      if (byId.has(id)) throw new Error(`fulfillment module options: two providers have the id ${id}`)
      byId.set(id, new Provider(config.options ?? {}))
    }
    return new FulfillmentProviderRegistry("Fulfillment", byId)
  }
}
