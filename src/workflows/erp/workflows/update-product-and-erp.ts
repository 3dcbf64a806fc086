import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ProductEvents } from "../../product/events.ts"
import { updateProductInAgoraStep } from "../steps/update-product-in-agora.ts"
import type { UpdateProductInAgoraStepInput } from "../steps/update-product-in-agora.ts"
import { updateProductInErpStep } from "../steps/update-product-in-erp.ts"

export type UpdateProductAndErpWorkflowInput = UpdateProductInAgoraStepInput

export const updateProductAndErpWorkflowId = "update-product-and-erp"

/**
 * Updates a product in Agora and then in the ERP. If the ERP refuses or does not answer, the
 * product's fields in Agora are put back: the two systems never disagree after a run.
 */
export const updateProductAndErpWorkflow = createWorkflow(
  updateProductAndErpWorkflowId,
  (input: WorkflowData<UpdateProductAndErpWorkflowInput>) => {
    const updated = updateProductInAgoraStep(input)
    const erpProduct = updateProductInErpStep(
      transform({ input, updated }, ({ input, updated }) => ({ id: input.id, changed: updated.changed, previous: updated.previous })),
    )
    emitEventStep({ name: ProductEvents.UPDATED, data: { id: input.id } })
    return new WorkflowResponse(
      transform({ updated, erpProduct }, ({ updated, erpProduct }) => ({ product: updated.product, erp_product: erpProduct })),
    )
  },
)
