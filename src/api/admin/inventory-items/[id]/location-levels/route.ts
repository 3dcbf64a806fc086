import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import type { Query } from "../../../../../framework/modules/index.ts"
import { createInventoryLevelsWorkflow } from "../../../../../workflows/inventory/index.ts"
import { checkInventoryItemFields, planInventoryLevelRead, retrieveInventoryItem, shapeInventoryLevel } from "../../helpers.ts"
import type { AdminCreateInventoryLocationLevel, AdminGetInventoryLocationLevelsParams } from "../../validators.ts"

type ItemParams = { id: string }

export const GET = async (req: AgoraRequest<unknown, AdminGetInventoryLocationLevelsParams>, res: AgoraResponse) => {
  const { id } = req.params as ItemParams
  const { data, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "inventory_level",
    fields: planInventoryLevelRead(req.queryConfig.fields),
    filters: { ...req.filterableFields, inventory_item_id: id },
    pagination: req.queryConfig.pagination,
  })
  res.json({ inventory_levels: data.map(shapeInventoryLevel), count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

/** Stocks the item at one more location; answers with the item. */
export const POST = async (req: AgoraRequest<AdminCreateInventoryLocationLevel>, res: AgoraResponse) => {
  const { id } = req.params as ItemParams
  await retrieveInventoryItem(req.scope, id, ["id"])
  checkInventoryItemFields(req.scope, req.queryConfig.fields)
  await createInventoryLevelsWorkflow(req.scope).run({ input: { inventory_levels: [{ ...req.validatedBody, inventory_item_id: id }] } })
  res.json({ inventory_item: await retrieveInventoryItem(req.scope, id, req.queryConfig.fields) })
}
