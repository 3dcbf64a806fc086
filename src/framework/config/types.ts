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

export type WorkflowsConfig = {
  /** Seconds a finished run is kept when its workflow sets no `retentionTime`. Default 7 days. */
  retentionTime: number
  /** Seconds between looks for runs whose process died, and for expired runs. Default 60. */
  recoveryInterval: number
  /** Seconds a run's owner may stay silent before another process takes the run over. Default 300. */
  staleAfter: number
  /** Takeovers of one run before it goes to `dead_letter`. Default 3. */
  maxRecoveryAttempts: number
}

export type ProjectConfig = {
  /** A PostgreSQL URL. Unset: the app starts an embedded PostgreSQL under `.agora/postgres`. */
  databaseUrl: string | undefined
  redisUrl: string | undefined
  workerMode: WorkerMode
  http: HttpConfig
  workflows: WorkflowsConfig
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
  projectConfig?: Partial<Omit<ProjectConfig, "http" | "workerMode" | "workflows">> & {
    workerMode?: WorkerMode | (string & {})
    workflows?: Partial<WorkflowsConfig>
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
