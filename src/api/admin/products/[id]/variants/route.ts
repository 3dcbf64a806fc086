import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import type { Query } from "../../../../../framework/modules/index.ts"
import { createProductVariantsWorkflow } from "../../../../../workflows/product/index.ts"
import { checkProductFields, planVariantRead, retrieveProduct, shapeVariant } from "../../helpers.ts"
import type { AdminCreateProductVariantBody, AdminGetProductVariantsParams } from "../../validators.ts"

type ProductParams = { id: string }

export const GET = async (req: AgoraRequest<unknown, AdminGetProductVariantsParams>, res: AgoraResponse) => {
  const { id } = req.params as ProductParams
  const plan = planVariantRead(req.queryConfig.fields)
  const { data, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "product_variant",
    fields: plan.fields,
    filters: { ...req.filterableFields, product_id: id },
    pagination: req.queryConfig.pagination,
  })
  res.json({ variants: data.map(shapeVariant), count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

/** Adds a variant; answers with its product, as Medusa does. */
export const POST = async (req: AgoraRequest<AdminCreateProductVariantBody>, res: AgoraResponse) => {
  const { id } = req.params as ProductParams
  const { additional_data, ...variant } = req.validatedBody
  await retrieveProduct(req.scope, id, ["id"])
  checkProductFields(req.scope, req.queryConfig.fields)
  await createProductVariantsWorkflow(req.scope).run({
    input: { product_variants: [{ ...variant, product_id: id }], additional_data },
  })
  res.json({ product: await retrieveProduct(req.scope, id, req.queryConfig.fields) })
}
