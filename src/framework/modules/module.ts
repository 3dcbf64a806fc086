import type { AnyModel } from "./model/index.ts"
import type { ModuleDependencies } from "./service/module-service.ts"

export type ModuleServiceConstructor<Service> = {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): Service
  readonly models?: Record<string, AnyModel>
}

export type ModuleDefinition<Service = unknown> = {
  /** The container key the service is registered under. */
  key: string
  service: ModuleServiceConstructor<Service>
  models: AnyModel[]
}

/** Declares a module: `export default Module("brand", { service: BrandModuleService })`. */
export function Module<Service>(
  key: string,
  definition: { service: ModuleServiceConstructor<Service>; models?: AnyModel[] },
): ModuleDefinition<Service> {
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(key)) {
    throw new Error(`Module key "${key}" must start with a lowercase letter and hold only letters, digits and _`)
  }
  const models = definition.models ?? Object.values(definition.service.models ?? {})
  return { key, service: definition.service, models }
}
