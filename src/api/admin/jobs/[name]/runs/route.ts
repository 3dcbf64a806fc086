import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { JOB_SCHEDULER_KEY, type JobScheduler } from "../../../../../framework/jobs/index.ts"
import { runToWire } from "../../to-wire.ts"
import type { AdminGetJobRunsParams } from "../../validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetJobRunsParams>, res: AgoraResponse) => {
  const { name } = req.params as { name: string }
  const { fields, pagination } = req.queryConfig
  const { runs, count } = await req.scope.resolve<JobScheduler>(JOB_SCHEDULER_KEY).listRuns(name, {
    status: req.validatedQuery.status,
    take: pagination.take,
    skip: pagination.skip,
  })
  res.json({ job_runs: runs.map((run) => runToWire(run, fields)), count, offset: pagination.skip, limit: pagination.take })
}
