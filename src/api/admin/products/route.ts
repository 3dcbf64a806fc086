import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createProductsWorkflow } from "../../../workflows/product/index.ts"
import { checkProductFields, planProductRead, retrieveProduct, shapeProduct } from "./helpers.ts"
import { productToCreate } from "./to-workflow-input.ts"
import type { AdminCreateProduct, AdminGetProductsParams } from "./validators.ts"

/** Filters on what this catalog does not keep (collections, types, tags, categories) match no product. */
const UNKEPT_FILTERS = ["collection_id", "type_id", "tag_id", "category_id"]

export const GET = async (req: AgoraRequest<unknown, AdminGetProductsParams>, res: AgoraResponse) => {
  const filters = req.filterableFields
  const { pagination } = req.queryConfig
  if (UNKEPT_FILTERS.some((name) => filters[name] !== undefined)) {
    return res.json({ products: [], count: 0, offset: pagination.skip, limit: pagination.take })
  }
  const plan = planProductRead(req.queryConfig.fields)
  const { data, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "product",
    fields: plan.fields,
    filters,
    pagination,
    withDeleted: req.validatedQuery.with_deleted === true,
  })
  res.json({ products: data.map((product) => shapeProduct(product, plan)), count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

export const POST = async (req: AgoraRequest<AdminCreateProduct>, res: AgoraResponse) => {
  checkProductFields(req.scope, req.queryConfig.fields)
  const { result } = await createProductsWorkflow(req.scope).run({
    input: { products: [productToCreate(req.validatedBody)], additional_data: req.validatedBody.additional_data },
  })
  const product = await retrieveProduct(req.scope, result[0]!.id, req.queryConfig.fields)
  res.json({ product })
}
