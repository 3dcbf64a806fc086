import path from "node:path"
import type { FastifyInstance } from "fastify"
import type { Logger } from "pino"
import { loadConfig } from "../config/index.ts"
import type { AgoraConfig } from "../config/index.ts"
import { asFunction, asValue, ContainerKeys, createAgoraContainer } from "../container/index.ts"
import type { AgoraContainer } from "../container/index.ts"
import { createOrm, Database, generateMigration, preparedQueryOf, runMigrations } from "../database/index.ts"
import type { AppliedMigration, EmbeddedDatabase, GeneratedMigration } from "../database/index.ts"
import { createHttpServer } from "../http/index.ts"
import { loadModules, setUpLinks, toEntitySchema } from "../modules/index.ts"
import type { LoadedModule } from "../modules/index.ts"
import { WORKFLOW_ENGINE_KEY, WORKFLOW_MIGRATIONS_DIR } from "../orchestrator/index.ts"
import { EVENT_BUS_KEY } from "../events/index.ts"
import { createAppJobs, JOB_MIGRATIONS_DIR, JOB_SCHEDULER_KEY, type AppJobs } from "../jobs/index.ts"
import { LOCKING_KEY, LOCKING_MIGRATIONS_DIR, LockingService } from "../locking/index.ts"
import { createLogger } from "./logger.ts"
import { createAppEvents, type AppEvents } from "./events.ts"
import { createAppWorkflows, type AppWorkflows } from "./workflows.ts"
import { loadProjectLoaders } from "./loaders.ts"
import { resolveDatabase } from "./resolve-database-url.ts"

export type CreateAppOptions = {
  /** The project folder (holding medusa-config.ts); defaults to the working directory. */
  rootDir?: string
  /** An already loaded config, e.g. a test's; otherwise medusa-config.ts is loaded. */
  config?: AgoraConfig
  logger?: Logger
  /** The folder of route files and middlewares.ts; defaults to `<root>/src/api`. */
  apiDir?: string
  /** The folder of workflow files registered for recovery; defaults to `<root>/src/workflows`. */
  workflowsDir?: string
  /** The folder of subscriber files; defaults to `<root>/src/subscribers`. */
  subscribersDir?: string
  /** The folder of scheduled job files; defaults to `<root>/src/jobs`. */
  jobsDir?: string
  /** The folder of link files (`defineLink`) and their migrations; defaults to `<root>/src/links`. */
  linksDir?: string
  /** The folder of project loaders run by `runLoaders()`; defaults to `<root>/src/loaders`. */
  loadersDir?: string
}

export type AgoraApp = {
  config: AgoraConfig
  container: AgoraContainer
  database: Database
  modules: LoadedModule[]
  logger: Logger
  /** The durable workflow engine (also in the container as `workflowEngine`). */
  workflows: AppWorkflows
  /** The event bus (also in the container as `eventBus`) and its subscribers; `start()` loads them. */
  events: AppEvents
  /** The scheduled jobs (the scheduler is also in the container as `jobScheduler`); `start()` runs them. */
  jobs: AppJobs
  databaseUrl: string
  /** Applies every module's pending migrations. */
  migrate(): Promise<AppliedMigration[]>
  /** Writes a migration for one module from its models; `"links"` writes the link tables' migration. */
  generateMigration(moduleKey: string): Promise<GeneratedMigration>
  /**
   * Runs the project's loaders (`src/loaders/*.ts`, each a default `async (container) => {}`) one
   * after another in file name order, each as its own unit of work; `agora start` runs them after
   * migrations, once the workflow engine is up, before serving.
   */
  runLoaders(): Promise<void>
  /** The HTTP server, built on first use. */
  http(): Promise<FastifyInstance>
  /** Closes the HTTP server (finishing in-flight requests), the pool, then the embedded database. */
  close(): Promise<void>
}

/** Boots Agora: config, database, modules and container. The HTTP server is built on demand. */
export async function createApp(options: CreateAppOptions = {}): Promise<AgoraApp> {
  const rootDir = path.resolve(options.rootDir ?? process.cwd())
  const config = options.config ?? (await loadConfig(rootDir))
  const logger = options.logger ?? createLogger()
  const modules = await loadModules(config.rootDir, config.modules)
  const { url, embedded } = await resolveDatabase(config, logger)

  let orm
  try {
    orm = await createOrm({ url, entities: modules.flatMap((m) => m.definition.models.map(toEntitySchema)) })
  } catch (error) {
    await embedded?.stop()
    throw error
  }
  const database = new Database(orm)
  const container = createAgoraContainer()
  container.register({
    [ContainerKeys.CONFIG]: asValue(config),
    [ContainerKeys.LOGGER]: asValue(logger),
    [ContainerKeys.DATABASE]: asValue(database),
  })
  const events = createAppEvents({ config, container, logger, query: preparedQueryOf(database), subscribersDir: options.subscribersDir })
  container.register(EVENT_BUS_KEY, asValue(events.bus))
  const workflows = createAppWorkflows({
    config,
    database,
    container,
    logger,
    workflowsDir: options.workflowsDir,
    onEventsPublished: (published) => events.bus.deliver(published),
    publishes: (name) => events.listensTo(name),
  })
  container.register(WORKFLOW_ENGINE_KEY, asValue(workflows.engine))
  events.bus.addPublisher(() => workflows.engine.settled())
  const jobs = createAppJobs({
    rootDir: config.rootDir,
    databaseUrl: url,
    container,
    logger,
    workerMode: config.projectConfig.workerMode,
    jobsDir: options.jobsDir,
  })
  container.register(JOB_SCHEDULER_KEY, asValue(jobs.scheduler))
  const locking = new LockingService(preparedQueryOf(database), {
    onBackgroundError: (error) => logger.error({ err: error }, "releasing a lock failed: it lapses at its expiry"),
  })
  container.register(LOCKING_KEY, asValue(locking))
  for (const { definition, options: moduleOptions } of modules) {
    const Service = definition.service
    container.register(definition.key, asFunction((cradle) => new Service(cradle, moduleOptions)).singleton())
  }
  const linksDir = options.linksDir ?? path.join(config.rootDir, "src", "links")
  const links = await setUpLinks({ container, database, modules, linksDir, logger }).catch(async (error: unknown) => {
    await database.close()
    await embedded?.stop()
    throw error
  })

  let server: Promise<FastifyInstance> | undefined
  let closing: Promise<void> | undefined
  return {
    config,
    container,
    database,
    modules,
    logger,
    workflows,
    events,
    jobs,
    databaseUrl: url,
    migrate: () =>
      runMigrations(orm, [
        { module: "workflow_engine", dir: WORKFLOW_MIGRATIONS_DIR },
        { module: "job_scheduler", dir: JOB_MIGRATIONS_DIR },
        { module: "locking", dir: LOCKING_MIGRATIONS_DIR },
        ...modules.map((m) => ({ module: m.definition.key, dir: migrationsDir(m) })),
        links.migrations,
      ]),
    generateMigration: (moduleKey) => {
      if (moduleKey === "links") return links.generateMigration(url)
      const module = modules.find((m) => m.definition.key === moduleKey)
      if (!module) {
        const known = modules.map((m) => m.definition.key).join(", ")
        throw new Error(`No module "${moduleKey}" in medusa-config.ts (modules: ${known || "none"})`)
      }
      return generateMigration({
        url,
        module: moduleKey,
        dir: migrationsDir(module),
        entities: module.definition.models.map(toEntitySchema),
      })
    },
    runLoaders: async () => {
      for (const loader of await loadProjectLoaders(options.loadersDir ?? path.join(config.rootDir, "src", "loaders"))) {
        logger.debug(`Running loader ${loader.name}`)
        await database.unitOfWork(() => loader.run(container))
      }
    },
    http: () => (server ??= createHttpServer({ config, container, database, logger, apiDir: options.apiDir })),
    close: () =>
      (closing ??= (async () => {
        if (server) await (await server).close()
        await jobs.stop()
        await workflows.stop()
        await locking.settled()
        await events.stop()
        await container.dispose()
        await database.close()
        await stopEmbedded(embedded)
      })()),
  }
}

function migrationsDir(module: LoadedModule): string {
  return path.join(module.dir, "migrations")
}

async function stopEmbedded(embedded: EmbeddedDatabase | undefined): Promise<void> {
  if (embedded) await embedded.stop()
}
