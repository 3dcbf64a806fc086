import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { deleteRegionsWorkflow, updateRegionsWorkflow } from "../../../../workflows/region/index.ts"
import { checkFieldsReadable } from "../../../utils/check-fields.ts"
import type { AdminUpdateRegion } from "../validators.ts"

type RegionParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as RegionParams
  const region = await retrieveEntity({ entity: "region", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ region })
}

/** Updates a region; `countries` and `payment_providers`, when sent, replace the region's. */
export const POST = async (req: AgoraRequest<AdminUpdateRegion>, res: AgoraResponse) => {
  const { id } = req.params as RegionParams
  await retrieveEntity({ entity: "region", idOrFilter: id, scope: req.scope, fields: ["id"] })
  checkFieldsReadable(req.scope, "region", req.queryConfig.fields)
  await updateRegionsWorkflow(req.scope).run({ input: { regions: [{ ...req.validatedBody, id }] } })
  const region = await retrieveEntity({ entity: "region", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ region })
}

export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as RegionParams
  await deleteRegionsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "region", deleted: true })
}
