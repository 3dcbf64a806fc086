import type { Filters } from "../../framework/modules/index.ts"
import { addressChanges, locationName, newAddress } from "./address.ts"
import { oneOrMany, updateOneOrMany } from "../../framework/modules/index.ts"
import { StockLocationTables } from "./tables.ts"
import type { CreateStockLocationInput, StockLocationAddressRow, StockLocationRow, UpdateStockLocationInput } from "./types.ts"

type Returned = StockLocationRow & { address?: StockLocationAddressRow | null }

/**
 * Stock locations and their addresses. A location is created or updated together with its address
 * (`address: {...}`), and deleting, soft-deleting or restoring a location does the same to the
 * address it alone uses.
 */
export class StockLocationModuleService extends StockLocationTables {
  /** The generated row access beneath the methods below. */
  private readonly tables = new StockLocationTables(this.moduleDependencies)

  /** Creates locations, each with its address inline or by `address_id`; an inline address is returned with it. */
  override createStockLocations = oneOrMany((items: CreateStockLocationInput[]) => {
    const prepared = items.map(({ address, ...location }) => {
      const where = typeof location.name === "string" && location.name.trim() ? `stock location "${location.name.trim()}"` : "a stock location"
      return { location: { ...location, name: locationName(location.name, where) }, address: address ? newAddress(address, where) : undefined }
    })
    return this.database.transaction(async () => {
      const created: Returned[] = []
      for (const { location, address } of prepared) {
        if (!address) {
          // The generated create leaves a nullable foreign key that was not given undefined, not null.
          created.push(await this.tables.createStockLocations({ ...location, address_id: location.address_id ?? null }))
          continue
        }
        const addressRow = await this.tables.createStockLocationAddresses(address)
        created.push({ ...(await this.tables.createStockLocations({ ...location, address_id: addressRow.id })), address: addressRow })
      }
      return created
    })
  })

  /** Updates locations; `address` changes the location's address in place, or gives it one. */
  override updateStockLocations = updateOneOrMany(
    (items: (UpdateStockLocationInput & { id: string })[]) => {
      const prepared = items.map(({ address, ...location }) => {
        const where = `stock location ${location.id}`
        const named = location.name === undefined ? location : { ...location, name: locationName(location.name, where) }
        return { location: named, address: address && addressChanges(address, where), where }
      })
      return this.database.transaction(async () => {
        const withAddress = prepared.filter((item) => item.address).map((item) => item.location.id)
        const current = await this.tables.listStockLocations({ id: withAddress }, { select: ["address_id"] })
        const addressIdOf = new Map(current.map((row) => [row.id, row.address_id]))
        const updated: Returned[] = []
        for (const { location, address, where } of prepared) {
          if (!address) {
            updated.push(await this.tables.updateStockLocations(location))
            continue
          }
          const addressId = addressIdOf.get(location.id)
          const addressRow = addressId
            ? await this.tables.updateStockLocationAddresses({ ...address, id: addressId })
            : await this.tables.createStockLocationAddresses(newAddress(address, where))
          updated.push({ ...(await this.tables.updateStockLocations({ ...location, address_id: addressRow.id })), address: addressRow })
        }
        return updated
      })
    },
    async (selector: Filters<StockLocationRow>) =>
      (await this.tables.listStockLocations(selector, { select: ["id"] })).map((row) => row.id),
  )

  override deleteStockLocations = (ids: string | string[]): Promise<void> =>
    this.withOwnAddresses(ids, async (locationIds, addressIds) => {
      await this.tables.deleteStockLocations(locationIds)
      await this.tables.deleteStockLocationAddresses(addressIds)
    })

  override softDeleteStockLocations = (ids: string | string[]): Promise<void> =>
    this.withOwnAddresses(ids, async (locationIds, addressIds) => {
      await this.tables.softDeleteStockLocations(locationIds)
      await this.tables.softDeleteStockLocationAddresses(addressIds)
    })

  override restoreStockLocations = (ids: string | string[]): Promise<void> =>
    this.withOwnAddresses(ids, async (locationIds, addressIds) => {
      await this.tables.restoreStockLocations(locationIds)
      await this.tables.restoreStockLocationAddresses(addressIds)
    })

  /** Runs `work` in one transaction with the addresses that no other live location uses. */
  private async withOwnAddresses(
    ids: string | string[],
    work: (locationIds: string[], addressIds: string[]) => Promise<void>,
  ): Promise<void> {
    const locationIds = typeof ids === "string" ? [ids] : ids
    if (locationIds.length === 0) return
    await this.database.transaction(async () => {
      const locations = await this.tables.listStockLocations({ id: locationIds }, { select: ["address_id"], withDeleted: true })
      const addressIds = [...new Set(locations.flatMap((row) => (row.address_id ? [row.address_id] : [])))]
      const shared =
        addressIds.length === 0
          ? []
          : await this.tables.listStockLocations({ address_id: addressIds, id: { $nin: locationIds } }, { select: ["address_id"] })
      const sharedIds = new Set(shared.map((row) => row.address_id))
      await work(locationIds, addressIds.filter((id) => !sharedIds.has(id)))
    })
  }
}
