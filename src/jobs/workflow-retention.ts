import type { Logger } from "../framework/app/index.ts"
import { ContainerKeys, type AgoraContainer } from "../framework/container/index.ts"
import type { JobConfig } from "../framework/jobs/index.ts"
import { WORKFLOW_ENGINE_KEY, type WorkflowEngine } from "../framework/orchestrator/index.ts"

/** Deletes finished workflow runs (and their steps) whose retention has passed. */
export default async function workflowRetention(container: AgoraContainer): Promise<void> {
  const engine = container.resolve<WorkflowEngine>(WORKFLOW_ENGINE_KEY)
  const deleted = await engine.storage.deleteExpired(engine.clock.now())
  if (deleted > 0) container.resolve<Logger>(ContainerKeys.LOGGER).info(`Deleted ${deleted} expired workflow runs`)
}

export const config: JobConfig = {
  name: "workflow-retention",
  schedule: "0 * * * *",
}
