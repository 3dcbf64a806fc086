import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { retrieveEntity } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createRegionsWorkflow } from "../../../workflows/region/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"
import type { AdminCreateRegion, AdminGetRegionsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetRegionsParams>, res: AgoraResponse) => {
  const { data: regions, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "region",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ regions, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

/** Creates a region with its countries (each in one region only) and payment providers. */
export const POST = async (req: AgoraRequest<AdminCreateRegion>, res: AgoraResponse) => {
  checkFieldsReadable(req.scope, "region", req.queryConfig.fields)
  const { result } = await createRegionsWorkflow(req.scope).run({ input: { regions: [req.validatedBody] } })
  const region = await retrieveEntity({ entity: "region", idOrFilter: result[0]!.id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ region })
}
