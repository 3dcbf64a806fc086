import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { retrieveEntity } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createBrandWorkflow } from "../../../workflows/brand/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"
import type { AdminCreateBrand, AdminGetBrandsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetBrandsParams>, res: AgoraResponse) => {
  const { data: brands, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "brand",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ brands, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

export const POST = async (req: AgoraRequest<AdminCreateBrand>, res: AgoraResponse) => {
  checkFieldsReadable(req.scope, "brand", req.queryConfig.fields)
  const { result } = await createBrandWorkflow(req.scope).run({ input: req.validatedBody })
  const brand = await retrieveEntity({ entity: "brand", idOrFilter: result.id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ brand })
}
