import type { AgoraRequest, AgoraResponse } from "../../../../../../framework/http/index.ts"
import { deleteProductVariantsWorkflow, updateProductVariantsWorkflow } from "../../../../../../workflows/product/index.ts"
import { checkProductFields, retrieveProduct, retrieveVariant } from "../../../helpers.ts"
import type { AdminUpdateProductVariantBody } from "../../../validators.ts"

type VariantParams = { id: string; variant_id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id, variant_id } = req.params as VariantParams
  res.json({ variant: await retrieveVariant(req.scope, id, variant_id, req.queryConfig.fields) })
}

/** Changes a variant (a sent `prices` list replaces its prices); answers with its product, as Medusa does. */
export const POST = async (req: AgoraRequest<AdminUpdateProductVariantBody>, res: AgoraResponse) => {
  const { id, variant_id } = req.params as VariantParams
  const { additional_data, ...update } = req.validatedBody
  await retrieveVariant(req.scope, id, variant_id, ["id"])
  checkProductFields(req.scope, req.queryConfig.fields)
  await updateProductVariantsWorkflow(req.scope).run({
    input: { product_variants: [{ ...update, id: variant_id }], additional_data },
  })
  res.json({ product: await retrieveProduct(req.scope, id, req.queryConfig.fields) })
}

export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id, variant_id } = req.params as VariantParams
  await retrieveVariant(req.scope, id, variant_id, ["id"])
  checkProductFields(req.scope, req.queryConfig.fields)
  await deleteProductVariantsWorkflow(req.scope).run({ input: { ids: [variant_id] } })
  res.json({ id: variant_id, object: "variant", deleted: true, parent: await retrieveProduct(req.scope, id, req.queryConfig.fields) })
}
