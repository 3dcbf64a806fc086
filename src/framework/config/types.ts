export type WorkerMode = "shared" | "server" | "worker"

export type HttpConfig = {
  port: number
  host: string
  storeCors: string
  adminCors: string
  authCors: string
  jwtSecret: string
  jwtExpiresIn: string
}

export type ProjectConfig = {
  /** A PostgreSQL URL. Unset: the app starts an embedded PostgreSQL under `.agora/postgres`. */
  databaseUrl: string | undefined
  redisUrl: string | undefined
  workerMode: WorkerMode
  http: HttpConfig
}

/** A module to load: the folder (or file) whose default export is a `Module(...)` definition. */
export type ModuleConfig = {
  resolve: string
  options?: Record<string, unknown>
}

/**
 * What a developer writes in medusa-config.ts: every key optional, defaults filled in at load.
 * Values straight from the environment are strings; validation at load turns them into the real types.
 */
export type InputConfig = {
  projectConfig?: Partial<Omit<ProjectConfig, "http" | "workerMode">> & {
    workerMode?: WorkerMode | (string & {})
    http?: Partial<Omit<HttpConfig, "port">> & { port?: number | string }
  }
  modules?: ModuleConfig[] | Record<string, ModuleConfig>
}

export type AgoraConfig = {
  projectConfig: ProjectConfig
  modules: ModuleConfig[]
  /** The folder medusa-config.ts lives in; module paths resolve against it. */
  rootDir: string
  environment: string
}
