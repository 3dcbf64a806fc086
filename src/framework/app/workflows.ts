import path from "node:path"
import type { Logger } from "pino"
import type { AgoraConfig } from "../config/index.ts"
import type { AgoraContainer } from "../container/index.ts"
import { preparedQueryOf, type Database } from "../database/index.ts"
import { PostgresWorkflowStorage, RecoveryLoop, WorkflowEngine, type HeldEvent } from "../orchestrator/index.ts"
import { loadWorkflows } from "../workflows-sdk/index.ts"

export type AppWorkflows = {
  readonly engine: WorkflowEngine
  /** Registers the project's workflows, recovers runs left by dead processes, and keeps doing so. */
  start(): Promise<void>
  stop(): Promise<void>
}

/** The app's workflow engine: durable in the app's PostgreSQL, recovering what crashed processes left. */
export function createAppWorkflows(args: {
  config: AgoraConfig
  database: Database
  container: AgoraContainer
  logger: Logger
  workflowsDir?: string | undefined
  /** Where a finished run's events go: the event bus delivers them. */
  onEventsPublished?: (events: readonly HeldEvent[]) => void
  /** Whether an event is published at all: whether some subscriber listens to it. */
  publishes?: (eventName: string) => boolean
}): AppWorkflows {
  const { config, database, container, logger } = args
  const settings = config.projectConfig.workflows
  const onBackgroundError = (error: unknown) => logger.error({ err: error }, "workflow engine background work failed")
  const engine = new WorkflowEngine({
    storage: new PostgresWorkflowStorage(preparedQueryOf(database)),
    container,
    staleAfter: settings.staleAfter,
    defaultRetentionTime: settings.retentionTime,
    maxRecoveryAttempts: settings.maxRecoveryAttempts,
    onEventsPublished: args.onEventsPublished,
    publishes: args.publishes,
    onBackgroundError,
    // A request is answered once its workflow's last step is done; the run's record follows.
    answerOnceEndSent: true,
  })
  const loop = new RecoveryLoop(engine, { intervalSeconds: settings.recoveryInterval, onError: onBackgroundError })
  return {
    engine,
    async start() {
      const graphs = await loadWorkflows(args.workflowsDir ?? path.join(config.rootDir, "src", "workflows"))
      for (const graph of graphs.values()) engine.register(graph)
      await loop.start()
    },
    async stop() {
      await loop.stop()
      await engine.settled()
    },
  }
}

