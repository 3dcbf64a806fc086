import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { JOB_SCHEDULER_KEY, type JobScheduler } from "../../../framework/jobs/index.ts"
import { jobToWire } from "./to-wire.ts"
import type { AdminGetJobsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetJobsParams>, res: AgoraResponse) => {
  const { fields, pagination } = req.queryConfig
  const jobs = await req.scope.resolve<JobScheduler>(JOB_SCHEDULER_KEY).describe()
  res.json({
    jobs: jobs.slice(pagination.skip, pagination.skip + pagination.take).map((job) => jobToWire(job, fields)),
    count: jobs.length,
    offset: pagination.skip,
    limit: pagination.take,
  })
}
