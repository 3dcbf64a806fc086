import { z } from "zod"
import { createFindParams } from "../../../framework/http/index.ts"
import { JobRunStatus } from "../../../framework/jobs/index.ts"

const STATUSES = Object.values(JobRunStatus) as [JobRunStatus, ...JobRunStatus[]]
const status = z.enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` })

export const AdminGetJobsParams = createFindParams({ limit: 50 }).omit({ order: true }).strict()
export type AdminGetJobsParams = z.infer<typeof AdminGetJobsParams>

export const AdminGetJobRunsParams = createFindParams({ limit: 20 })
  .omit({ order: true })
  .extend({
    // `?status=failed` or `?status[0]=failed&status[1]=skipped`
    status: z
      .union([status, z.array(status)])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .optional(),
  })
  .strict()
export type AdminGetJobRunsParams = z.infer<typeof AdminGetJobRunsParams>
