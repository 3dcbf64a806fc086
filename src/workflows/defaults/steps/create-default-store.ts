import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { CreateStoreInput, StoreDTO, StoreModuleService } from "../../../modules/store/index.ts"

export type CreateDefaultStoreStepInput = { store: CreateStoreInput & { default_sales_channel_id: string } }

export type DefaultStore = { store: StoreDTO; created: boolean }

type Undo = { createdId: string } | { id: string; default_sales_channel_id: null } | undefined

export const createDefaultStoreStepId = "create-default-store-step"

/**
 * The store: created when there is none; an existing store without a default sales channel is
 * given the one passed in. Its compensation deletes the store it created, or unsets the channel it set.
 */
export const createDefaultStoreStep = createStep(
  createDefaultStoreStepId,
  async (input: CreateDefaultStoreStepInput, { container }) => {
    const stores = container.resolve<StoreModuleService>(STORE_MODULE)
    const [existing] = await stores.listStores({}, { take: 1, order: { created_at: "ASC" }, relations: ["supported_currencies"] })
    if (!existing) {
      const store = await stores.createStores(input.store)
      return new StepResponse<DefaultStore, Undo>({ store, created: true }, { createdId: store.id })
    }
    if (existing.default_sales_channel_id) return new StepResponse<DefaultStore, Undo>({ store: existing, created: false }, undefined)
    const store = await stores.updateStores({ id: existing.id, default_sales_channel_id: input.store.default_sales_channel_id })
    return new StepResponse<DefaultStore, Undo>({ store, created: false }, { id: existing.id, default_sales_channel_id: null })
  },
  async (undo, { container }) => {
    if (!undo) return
    const stores = container.resolve<StoreModuleService>(STORE_MODULE)
    if ("createdId" in undo) await stores.deleteStores(undo.createdId)
    else await stores.updateStores(undo)
  },
)
