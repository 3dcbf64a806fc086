import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { deleteBrandWorkflow, updateBrandsWorkflow } from "../../../../workflows/brand/index.ts"
import { checkFieldsReadable } from "../../../utils/check-fields.ts"
import type { AdminUpdateBrand } from "../validators.ts"

type BrandParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as BrandParams
  const brand = await retrieveEntity({ entity: "brand", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ brand })
}

export const POST = async (req: AgoraRequest<AdminUpdateBrand>, res: AgoraResponse) => {
  const { id } = req.params as BrandParams
  await retrieveEntity({ entity: "brand", idOrFilter: id, scope: req.scope, fields: ["id"] })
  checkFieldsReadable(req.scope, "brand", req.queryConfig.fields)
  await updateBrandsWorkflow(req.scope).run({ input: { brands: [{ ...req.validatedBody, id }] } })
  const brand = await retrieveEntity({ entity: "brand", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ brand })
}

/** Soft-deletes the brand; its products stay, without a brand. */
export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as BrandParams
  await retrieveEntity({ entity: "brand", idOrFilter: id, scope: req.scope, fields: ["id"] })
  await deleteBrandWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "brand", deleted: true })
}
