import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { deleteInventoryItemsStep } from "../../inventory/steps/delete-inventory-items.ts"
import { ProductEvents } from "../events.ts"
import { deleteProductsStep } from "../steps/delete-products.ts"
import { getInventoryItemsToDeleteStep } from "../steps/get-inventory-items-to-delete.ts"
import { getProductVariantIdsStep } from "../steps/get-product-variant-ids.ts"

export type DeleteProductsWorkflowInput = { ids: string[] }

export const deleteProductsWorkflowId = "delete-products"

/**
 * Soft-deletes products with their options and variants; their links go with them, and so do the
 * variants' price sets and the inventory items no other variant uses (unless stock is reserved on
 * them). Unknown ids are ignored. `productsDeleted` receives the ids deleted.
 */
export const deleteProductsWorkflow = createWorkflow(deleteProductsWorkflowId, (input: WorkflowData<DeleteProductsWorkflowInput>) => {
  const variantIds = getProductVariantIdsStep(input.ids)
  const itemIds = getInventoryItemsToDeleteStep(variantIds)
  const deleted = deleteProductsStep(input.ids)
  deleteInventoryItemsStep(itemIds)
  emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: ProductEvents.DELETED, data: { id } }))))
  const productsDeleted = createHook("productsDeleted", { ids: deleted })
  return new WorkflowResponse(deleted, { hooks: [productsDeleted] })
})
