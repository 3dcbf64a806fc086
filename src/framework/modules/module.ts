import type { AnyModel } from "./model/index.ts"
import { buildLinkables } from "./linkable.ts"
import type { Linkable, LinkableMap } from "./linkable.ts"
import type { ModuleDependencies } from "./service/module-service.ts"

export type ModuleServiceConstructor<Service> = {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): Service
  readonly models?: Record<string, AnyModel>
}

export type ModuleDefinition<Service = unknown, Linkables = Record<string, Linkable>> = {
  /** The container key the service is registered under. */
  key: string
  service: ModuleServiceConstructor<Service>
  models: AnyModel[]
  /** Each model as the end of a link: `defineLink(ProductModule.linkable.product, BrandModule.linkable.brand)`. */
  linkable: Linkables
}

/** Declares a module: `export default Module("brand", { service: BrandModuleService })`. */
export function Module<Constructor extends ModuleServiceConstructor<unknown>>(
  key: string,
  definition: { service: Constructor; models?: AnyModel[] },
): ModuleDefinition<InstanceType<Constructor>, LinkableMap<Constructor>> {
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(key)) {
    throw new Error(`Module key "${key}" must start with a lowercase letter and hold only letters, digits and _`)
  }
  const models = definition.models ?? Object.values(definition.service.models ?? {})
  const linkable = buildLinkables(key, models, definition.service.models) as LinkableMap<Constructor>
  return { key, service: definition.service as ModuleServiceConstructor<InstanceType<Constructor>>, models, linkable }
}
