import type { Database } from "../../database/database.ts"
import type { AnyModel, InferCreateInput, InferEntity, InferUpdateInput } from "../model/index.ts"
import { ModelRepository } from "./model-repository.ts"
import { pluralize } from "./plural.ts"
import { RECORD_HOOKS_KEY, RecordHooks } from "./record-hooks.ts"
import type { Plural } from "./plural.ts"
import type { CreateOptions, Filters, FindConfig } from "./types.ts"

/** What the container hands a module service. */
export type ModuleDependencies = { database: Database; [RECORD_HOOKS_KEY]?: RecordHooks } & Record<string, unknown>

type ModelMap = Record<string, AnyModel>

type UpdateBySelector<M> = { selector: Filters<InferEntity<M>>; data: Partial<Omit<InferCreateInput<M>, "id">> }

type MethodsOf<K extends string, M> = {
  [P in `retrieve${K}`]: (id: string, config?: FindConfig<InferEntity<M>>) => Promise<InferEntity<M>>
} & {
  [P in `list${Plural<K>}`]: (filters?: Filters<InferEntity<M>>, config?: FindConfig<InferEntity<M>>) => Promise<InferEntity<M>[]>
} & {
  [P in `listAndCount${Plural<K>}`]: (
    filters?: Filters<InferEntity<M>>,
    config?: FindConfig<InferEntity<M>>,
  ) => Promise<[InferEntity<M>[], number]>
} & {
  [P in `create${Plural<K>}`]: {
    (data: InferCreateInput<M>): Promise<InferEntity<M>>
    (data: InferCreateInput<M>[], options?: CreateOptions): Promise<InferEntity<M>[]>
  }
} & {
  [P in `update${Plural<K>}`]: {
    (data: InferUpdateInput<M>): Promise<InferEntity<M>>
    (data: InferUpdateInput<M>[]): Promise<InferEntity<M>[]>
    (data: UpdateBySelector<M>): Promise<InferEntity<M>[]>
  }
} & {
  [P in `delete${Plural<K>}` | `softDelete${Plural<K>}` | `restore${Plural<K>}`]: (ids: string | string[]) => Promise<void>
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never

export type GeneratedMethods<Models extends ModelMap> = UnionToIntersection<
  { [K in keyof Models & string]: MethodsOf<K, Models[K]> }[keyof Models & string]
>

export type ModuleServiceBase = {
  readonly database: Database
  readonly options: Record<string, unknown>
  /** What the service was built with: a second generated instance built from it keeps the app's record hooks. */
  readonly moduleDependencies: ModuleDependencies
}

export type ModuleServiceClass<Models extends ModelMap> = {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): ModuleServiceBase & GeneratedMethods<Models>
  readonly models: Models
}

/**
 * A base class with typed CRUD generated for each model:
 * `class BrandModuleService extends ModuleService({ Brand }) { ...custom methods }`.
 */
export function ModuleService<const Models extends ModelMap>(models: Models): ModuleServiceClass<Models> {
  class GeneratedModuleService {
    static readonly models = models
    readonly database: Database
    readonly options: Record<string, unknown>
    readonly moduleDependencies: ModuleDependencies

    constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
      this.database = dependencies.database
      this.moduleDependencies = dependencies
      this.options = options
      const hooks = optionalDependency(dependencies, RECORD_HOOKS_KEY)
      for (const [key, model] of Object.entries(models)) {
        const repository = new ModelRepository(this.database, model, key, hooks instanceof RecordHooks ? hooks : undefined)
        Object.assign(this, crudMethods(key, repository))
      }
    }
  }
  return GeneratedModuleService as unknown as ModuleServiceClass<Models>
}

/** A dependency that may be missing: the container's cradle throws on unknown keys, a plain object does not. */
function optionalDependency(dependencies: ModuleDependencies, key: string): unknown {
  return Object.getOwnPropertyDescriptor(dependencies, key) ? dependencies[key] : undefined
}

function crudMethods(key: string, repository: ModelRepository): Record<string, Function> {
  const plural = pluralize(key)
  return {
    [`retrieve${key}`]: repository.retrieve.bind(repository),
    [`list${plural}`]: repository.list.bind(repository),
    [`listAndCount${plural}`]: repository.listAndCount.bind(repository),
    [`create${plural}`]: repository.create.bind(repository),
    [`update${plural}`]: repository.update.bind(repository),
    [`delete${plural}`]: repository.delete.bind(repository),
    [`softDelete${plural}`]: repository.softDelete.bind(repository),
    [`restore${plural}`]: repository.restore.bind(repository),
  }
}
