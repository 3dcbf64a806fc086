import { existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { z } from "zod"
import type { Database } from "../database/index.ts"
import { AgoraError } from "../errors/index.ts"
import type { ModuleDependencies } from "./service/module-service.ts"

/**
 * What modules with pluggable providers (payment, fulfillment, notification) share: provider
 * classes named by a static `identifier`, configured in the module's options as
 * `providers: [{ resolve: Class | "./path", id, options }]`, and kept in a registry by id.
 */
export function isProviderClass(value: unknown): value is { readonly identifier: string } {
  return typeof value === "function" && "identifier" in value && typeof value.identifier === "string"
}

/** The module's options checked against its schema; a bad value stops the app, naming the key. */
export function parseModuleOptions<Schema extends z.ZodType>(moduleName: string, schema: Schema, options: unknown): z.infer<Schema> {
  const parsed = schema.safeParse(options)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new Error(`${moduleName} module options: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "is invalid"}`)
}

/** Imports a provider file (relative to the project root) and checks its default export is a provider class. */
export async function importProviderClass<Class>(resolve: string, rootDir: string, kind: string): Promise<Class> {
  const target = resolve.startsWith(".") ? path.resolve(rootDir, resolve) : resolve
  const entry = existsSync(path.join(target, "index.ts")) ? path.join(target, "index.ts") : target
  const specifier = path.isAbsolute(entry) ? pathToFileURL(entry).href : entry
  const imported: { default?: unknown } = await import(specifier)
  if (!isProviderClass(imported.default)) {
    throw new Error(`${kind} provider ${resolve}: the default export must be a ${kind} provider class with a static identifier`)
  }
  return imported.default as Class
}

/** Where relative provider paths start: the project root from the app's config, else the working directory. */
export function projectRootOf(dependencies: ModuleDependencies): string {
  // The container's cradle throws on unknown keys; a plain object (a unit test's) does not.
  let config: unknown
  try {
    config = dependencies.configModule
  } catch {
    config = undefined
  }
  if (typeof config === "object" && config !== null && "rootDir" in config && typeof config.rootDir === "string") {
    return config.rootDir
  }
  return process.cwd()
}

/** A module's providers by id. */
export class ProviderRegistry<Provider> {
  readonly #kind: string
  readonly #byId: ReadonlyMap<string, Provider>

  /** `kind` names the providers in messages: "Payment" gives "Payment provider with id: x was not found". */
  constructor(kind: string, byId: ReadonlyMap<string, Provider>) {
    this.#kind = kind
    this.#byId = byId
  }

  ids(): string[] {
    return [...this.#byId.keys()]
  }

  has(id: string): boolean {
    return this.#byId.has(id)
  }

  /** The provider with this id; `not_found` naming it when there is none. */
  get(id: string): Provider {
    const provider = this.#byId.get(id)
    if (provider === undefined) throw new AgoraError(AgoraError.Types.NOT_FOUND, `${this.#kind} provider with id: ${id} was not found`)
    return provider
  }
}

/**
 * Records the configured providers as enabled rows of `table` (`id`, `is_enabled`) and disables the
 * rows of providers no longer configured.
 */
export async function syncProviderRows(database: Database, table: string, ids: string[]): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a table name: ${table}`)
  // Outside any caller's transaction: the rows must stay even if that transaction rolls back.
  const em = database.orm.em.fork()
  const placeholders = ids.map(() => "?").join(", ")
  await em.execute(
    `insert into "${table}" (id, is_enabled) values ${ids.map(() => "(?, true)").join(", ")}
     on conflict (id) do update set is_enabled = true, deleted_at = null, updated_at = now()`,
    ids,
    "run",
  )
  await em.execute(`update "${table}" set is_enabled = false, updated_at = now() where is_enabled and id not in (${placeholders})`, ids, "run")
}
