import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { CreateStoreInput, StoreDTO, StoreModuleService } from "../../../modules/store/index.ts"

export const createStoresStepId = "create-stores-step"

/** Creates stores with their currencies; its compensation deletes them. */
export const createStoresStep = createStep(
  createStoresStepId,
  async (stores: CreateStoreInput[], { container }) => {
    if (stores.length === 0) return new StepResponse<StoreDTO[], string[]>([], [])
    const created = await container.resolve<StoreModuleService>(STORE_MODULE).createStores(stores)
    return new StepResponse(
      created,
      created.map((store) => store.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<StoreModuleService>(STORE_MODULE).deleteStores(ids)
  },
)
