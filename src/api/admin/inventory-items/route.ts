import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createInventoryItemsWorkflow } from "../../../workflows/inventory/index.ts"
import { checkInventoryItemFields, planInventoryItemRead, retrieveInventoryItem, shapeInventoryItem } from "./helpers.ts"
import type { AdminCreateInventoryItem, AdminGetInventoryItemsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetInventoryItemsParams>, res: AgoraResponse) => {
  const plan = planInventoryItemRead(req.queryConfig.fields)
  const { data, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "inventory_item",
    fields: plan.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    inventory_items: data.map((item) => shapeInventoryItem(item, plan)),
    count: metadata.count,
    offset: metadata.skip,
    limit: metadata.take,
  })
}

export const POST = async (req: AgoraRequest<AdminCreateInventoryItem>, res: AgoraResponse) => {
  checkInventoryItemFields(req.scope, req.queryConfig.fields)
  const { result } = await createInventoryItemsWorkflow(req.scope).run({ input: { items: [req.validatedBody] } })
  res.json({ inventory_item: await retrieveInventoryItem(req.scope, result[0]!.id, req.queryConfig.fields) })
}
