import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { STOCK_LOCATION_MODULE } from "../../../modules/stock-location/index.ts"
import type {
  StockLocationAddressRow,
  StockLocationModuleService,
  StockLocationRow,
  UpdateStockLocationInput,
} from "../../../modules/stock-location/index.ts"

type LocationFields = { id: string; name?: string; metadata?: Record<string, unknown> | null; address_id?: string | null }

type Before = {
  location: LocationFields
  /** The address as it was when the update changed it; null when the update gave the location its first one. */
  address?: StockLocationAddressRow | null
}

export const updateStockLocationsStepId = "update-stock-locations-step"

/**
 * Changes stock locations and their addresses (not_found naming an unknown location); its
 * compensation puts back the values it replaced, and deletes an address it added.
 */
export const updateStockLocationsStep = createStep(
  updateStockLocationsStepId,
  async (updates: (UpdateStockLocationInput & { id: string })[], { container }) => {
    if (updates.length === 0) return new StepResponse<StockLocationRow[], Before[]>([], [])
    const service = container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE)
    const current = await service.listStockLocations({ id: updates.map((update) => update.id) })
    const addressIds = current.flatMap((location) => (location.address_id ? [location.address_id] : []))
    const addresses = addressIds.length === 0 ? [] : await service.listStockLocationAddresses({ id: addressIds })
    const before = updates.map(({ id, address, ...changes }): Before => {
      const location = current.find((row) => row.id === id)
      if (!location) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Stock location with id: ${id} was not found`)
      const keys = Object.keys(changes) as (keyof typeof changes)[]
      const snapshot: Before = { location: { id, ...Object.fromEntries(keys.map((key) => [key, location[key]])) } as LocationFields }
      if (address) {
        snapshot.location.address_id = location.address_id
        snapshot.address = addresses.find((row) => row.id === location.address_id) ?? null
      }
      return snapshot
    })
    const updated = await service.updateStockLocations(updates)
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before || before.length === 0) return
    const service = container.resolve<StockLocationModuleService>(STOCK_LOCATION_MODULE)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      for (const { location, address } of before) {
        if (address === undefined) {
          await service.updateStockLocations(location)
          continue
        }
        if (address === null) {
          // The update created the address: unhook it, then delete it.
          const [now] = await service.listStockLocations({ id: location.id }, { select: ["address_id"] })
          await service.updateStockLocations({ ...location, address_id: null })
          if (now?.address_id) await service.deleteStockLocationAddresses(now.address_id)
          continue
        }
        const { id: addressId, created_at: _c, updated_at: _u, deleted_at: _d, ...fields } = address
        await service.updateStockLocationAddresses({ id: addressId, ...fields })
        await service.updateStockLocations(location)
      }
    })
  },
)
