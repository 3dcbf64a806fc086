import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { deleteProductsWorkflow, updateProductAndVariantsWorkflow } from "../../../../workflows/product/index.ts"
import { checkProductFields, retrieveProduct } from "../helpers.ts"
import { productToUpdate } from "../to-workflow-input.ts"
import type { AdminUpdateProduct } from "../validators.ts"

type ProductParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ProductParams
  res.json({ product: await retrieveProduct(req.scope, id, req.queryConfig.fields) })
}

export const POST = async (req: AgoraRequest<AdminUpdateProduct>, res: AgoraResponse) => {
  const { id } = req.params as ProductParams
  await retrieveProduct(req.scope, id, ["id"])
  checkProductFields(req.scope, req.queryConfig.fields)
  await updateProductAndVariantsWorkflow(req.scope).run({ input: productToUpdate(id, req.validatedBody) })
  res.json({ product: await retrieveProduct(req.scope, id, req.queryConfig.fields) })
}

export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ProductParams
  await retrieveProduct(req.scope, id, ["id"])
  await deleteProductsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "product", deleted: true })
}
