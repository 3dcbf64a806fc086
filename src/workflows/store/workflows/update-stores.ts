import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { UpdateStoreInput } from "../../../modules/store/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { StoreEvents } from "../events.ts"
import { updateStoresStep } from "../steps/update-stores.ts"
import { validateStoreDefaultsStep } from "../steps/validate-store-defaults.ts"

export type UpdateStoresWorkflowInput = { stores: UpdateStoreInput[] }

export const updateStoresWorkflowId = "update-stores"

/** Updates stores, their currencies and defaults (which must exist), and announces them. */
export const updateStoresWorkflow = createWorkflow(updateStoresWorkflowId, (input: WorkflowData<UpdateStoresWorkflowInput>) => {
  validateStoreDefaultsStep(input.stores)
  const stores = updateStoresStep(input.stores)
  emitEventStep(transform({ stores }, ({ stores }) => stores.map((store) => ({ name: StoreEvents.UPDATED, data: { id: store.id } }))))
  return new WorkflowResponse(stores)
})
