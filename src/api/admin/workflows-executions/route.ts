import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { WORKFLOW_ENGINE_KEY, type WorkflowEngine } from "../../../framework/orchestrator/index.ts"
import { executionToWire } from "./to-wire.ts"
import type { AdminGetWorkflowExecutionsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetWorkflowExecutionsParams>, res: AgoraResponse) => {
  const { fields, pagination } = req.queryConfig
  const query = req.validatedQuery
  const { runs, count } = await req.scope.resolve<WorkflowEngine>(WORKFLOW_ENGINE_KEY).listRuns({
    workflowId: query.workflow_id,
    transactionId: query.transaction_id,
    state: query.state,
    take: pagination.take,
    skip: pagination.skip,
  })
  res.json({
    workflow_executions: runs.map((run) => executionToWire(run, fields)),
    count,
    offset: pagination.skip,
    limit: pagination.take,
  })
}
