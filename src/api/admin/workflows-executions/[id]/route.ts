import { AgoraError } from "../../../../framework/errors/index.ts"
import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { WORKFLOW_ENGINE_KEY, type WorkflowEngine } from "../../../../framework/orchestrator/index.ts"
import { executionToWire, stepToWire } from "../to-wire.ts"

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  const run = await req.scope.resolve<WorkflowEngine>(WORKFLOW_ENGINE_KEY).describeRun(id)
  if (run === undefined) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Workflow execution with id: ${id} was not found`)
  const { fields } = req.queryConfig
  const workflow_execution = executionToWire(run.execution, fields)
  if (fields.includes("steps")) workflow_execution.steps = run.steps.map(stepToWire)
  res.json({ workflow_execution })
}
