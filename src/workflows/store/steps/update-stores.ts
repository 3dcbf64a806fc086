import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STORE_MODULE } from "../../../modules/store/index.ts"
import type { StoreDTO, StoreModuleService, UpdateStoreInput } from "../../../modules/store/index.ts"

export const updateStoresStepId = "update-stores-step"

/**
 * Changes stores (`supported_currencies`, when given, replaces a store's currencies); not_found
 * naming an unknown store. Its compensation puts back the values and currencies it replaced.
 */
export const updateStoresStep = createStep(
  updateStoresStepId,
  async (updates: UpdateStoreInput[], { container }) => {
    if (updates.length === 0) return new StepResponse<StoreDTO[], UpdateStoreInput[]>([], [])
    const service = container.resolve<StoreModuleService>(STORE_MODULE)
    const current = await service.listStores({ id: updates.map((update) => update.id) }, { relations: ["supported_currencies"] })
    const previous = updates.map(({ id, ...changes }) => {
      const store = current.find((row) => row.id === id)
      if (!store) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Store with id: ${id} was not found`)
      const before: UpdateStoreInput = { id }
      for (const key of Object.keys(changes) as (keyof typeof changes)[]) {
        if (key === "supported_currencies") {
          before.supported_currencies = (store.supported_currencies ?? []).map(({ currency_code, is_default }) => ({ currency_code, is_default }))
        } else Object.assign(before, { [key]: store[key] })
      }
      return before
    })
    const updated = await service.updateStores(updates)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<StoreModuleService>(STORE_MODULE).updateStores(previous)
  },
)
