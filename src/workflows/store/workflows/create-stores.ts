import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateStoreInput } from "../../../modules/store/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { StoreEvents } from "../events.ts"
import { createStoresStep } from "../steps/create-stores.ts"
import { validateStoreDefaultsStep } from "../steps/validate-store-defaults.ts"

export type CreateStoresWorkflowInput = { stores: CreateStoreInput[] }

export const createStoresWorkflowId = "create-stores"

/** Creates stores with their currencies and defaults (which must exist), and announces them. */
export const createStoresWorkflow = createWorkflow(createStoresWorkflowId, (input: WorkflowData<CreateStoresWorkflowInput>) => {
  validateStoreDefaultsStep(input.stores)
  const stores = createStoresStep(input.stores)
  emitEventStep(transform({ stores }, ({ stores }) => stores.map((store) => ({ name: StoreEvents.CREATED, data: { id: store.id } }))))
  return new WorkflowResponse(stores)
})
