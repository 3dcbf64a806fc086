import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { deleteInventoryItemsStep } from "../../inventory/steps/delete-inventory-items.ts"
import { ProductVariantEvents } from "../events.ts"
import { deleteProductVariantsStep } from "../steps/delete-product-variants.ts"
import { getInventoryItemsToDeleteStep } from "../steps/get-inventory-items-to-delete.ts"

export type DeleteProductVariantsWorkflowInput = { ids: string[] }

export const deleteProductVariantsWorkflowId = "delete-product-variants"

/**
 * Soft-deletes variants; their links go with them, and so do their price sets and the inventory items
 * no other variant uses (unless stock is reserved on them). `productVariantsDeleted` receives the ids deleted.
 */
export const deleteProductVariantsWorkflow = createWorkflow(
  deleteProductVariantsWorkflowId,
  (input: WorkflowData<DeleteProductVariantsWorkflowInput>) => {
    const itemIds = getInventoryItemsToDeleteStep(input.ids)
    const deleted = deleteProductVariantsStep(input.ids)
    deleteInventoryItemsStep(itemIds)
    emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: ProductVariantEvents.DELETED, data: { id } }))))
    const productVariantsDeleted = createHook("productVariantsDeleted", { ids: deleted })
    return new WorkflowResponse(deleted, { hooks: [productVariantsDeleted] })
  },
)
