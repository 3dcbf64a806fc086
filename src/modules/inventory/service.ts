import { AgoraError } from "../../framework/errors/index.ts"
import type { Filters, FindConfig } from "../../framework/modules/index.ts"
import { withAvailable, withItemQuantities, withQuantities } from "./item-quantities.ts"
import { adjustAtLevel, byLevel, sumLevels } from "./level-quantities.ts"
import { checkLevelUpdate, checkNewLevel } from "./levels.ts"
import { oneOrMany, updateOneOrMany } from "../../framework/modules/index.ts"
import { requiredId, wholeNumber } from "./quantities.ts"
import * as reservations from "./reservations.ts"
import { reserveStock } from "./reserve.ts"
import { InventoryTables } from "./tables.ts"
import type {
  ConsumedReservation,
  ConsumeReservationInput,
  CreateInventoryItemInput,
  CreateInventoryLevelInput,
  CreateReservationItemInput,
  InventoryAdjustment,
  InventoryItemDTO,
  InventoryItemRow,
  InventoryLevelDTO,
  InventoryLevelRow,
  ReservationItemRow,
  UpdateInventoryItemInput,
  UpdateInventoryLevelInput,
  UpdateReservationItemInput,
} from "./types.ts"

type ItemFilters = Filters<InventoryItemRow>
type ItemConfig = FindConfig<InventoryItemRow>
type LevelFilters = Filters<InventoryLevelRow>
type LevelConfig = FindConfig<InventoryLevelRow>

/**
 * Inventory items, their stock per location, and reservations. Items come back with the sums of
 * their levels and levels with `available_quantity`. Reservation writes move the levels' reserved
 * quantities in the same transaction, so `reserved_quantity` always equals what reservations hold.
 */
export class InventoryModuleService extends InventoryTables {
  /** The generated row access beneath the methods below. */
  private readonly tables = new InventoryTables(this.moduleDependencies)

  override retrieveInventoryItem = async (id: string, config?: ItemConfig): Promise<InventoryItemDTO> =>
    withItemQuantities(this.database, await this.tables.retrieveInventoryItem(id, config))

  override listInventoryItems = async (filters?: ItemFilters, config?: ItemConfig): Promise<InventoryItemDTO[]> =>
    withQuantities(this.database, await this.tables.listInventoryItems(filters, config))

  override listAndCountInventoryItems = async (
    filters?: ItemFilters,
    config?: ItemConfig,
  ): Promise<[InventoryItemDTO[], number]> => {
    const [items, count] = await this.tables.listAndCountInventoryItems(filters, config)
    return [await withQuantities(this.database, items), count]
  }

  override createInventoryItems = oneOrMany(async (items: CreateInventoryItemInput[]) => {
    for (const item of items) {
      for (const [index, level] of (item.location_levels ?? []).entries()) checkNewLevel(level, `location_levels[${index}]`)
    }
    return withQuantities(this.database, await this.tables.createInventoryItems(items))
  })

  override updateInventoryItems = updateOneOrMany(
    async (items: (UpdateInventoryItemInput & { id: string })[]) =>
      withQuantities(this.database, await this.tables.updateInventoryItems(items)),
    (selector: ItemFilters) => this.idsOf(this.tables.listInventoryItems(selector, { select: ["id"] })),
  )

  override retrieveInventoryLevel = async (id: string, config?: LevelConfig): Promise<InventoryLevelDTO> =>
    withAvailable(await this.tables.retrieveInventoryLevel(id, config))

  override listInventoryLevels = async (filters?: LevelFilters, config?: LevelConfig): Promise<InventoryLevelDTO[]> =>
    (await this.tables.listInventoryLevels(filters, config)).map(withAvailable)

  override listAndCountInventoryLevels = async (
    filters?: LevelFilters,
    config?: LevelConfig,
  ): Promise<[InventoryLevelDTO[], number]> => {
    const [levels, count] = await this.tables.listAndCountInventoryLevels(filters, config)
    return [levels.map(withAvailable), count]
  }

  override createInventoryLevels = oneOrMany(async (levels: CreateInventoryLevelInput[]) => {
    for (const level of levels) {
      const itemId = requiredId(level.inventory_item_id, "inventory_item_id of an inventory level")
      checkNewLevel(level, `the level of item ${itemId}`)
    }
    return (await this.tables.createInventoryLevels(levels)).map(withAvailable)
  })

  override updateInventoryLevels = updateOneOrMany(
    async (levels: (UpdateInventoryLevelInput & { id: string })[]) => {
      for (const level of levels) checkLevelUpdate(level)
      return (await this.tables.updateInventoryLevels(levels)).map(withAvailable)
    },
    (selector: LevelFilters) => this.idsOf(this.tables.listInventoryLevels(selector, { select: ["id"] })),
  )

  /** The level of an item at a location; not_found when the item is not stocked there. */
  async retrieveInventoryLevelByItemAndLocation(inventoryItemId: string, locationId: string): Promise<InventoryLevelDTO> {
    const [level] = await this.listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId }, { take: 1 })
    if (!level) {
      throw new AgoraError(AgoraError.Types.NOT_FOUND, `Item ${inventoryItemId} is not stocked at location ${locationId}`)
    }
    return level
  }

  /** Units available (stocked − reserved) of an item over the given locations. */
  async retrieveAvailableQuantity(inventoryItemId: string, locationIds: string | string[]): Promise<number> {
    const { stocked, reserved } = await sumLevels(this.database, inventoryItemId, listOf(locationIds))
    return stocked - reserved
  }

  async retrieveStockedQuantity(inventoryItemId: string, locationIds: string | string[]): Promise<number> {
    return (await sumLevels(this.database, inventoryItemId, listOf(locationIds))).stocked
  }

  async retrieveReservedQuantity(inventoryItemId: string, locationIds: string | string[]): Promise<number> {
    return (await sumLevels(this.database, inventoryItemId, listOf(locationIds))).reserved
  }

  /** Whether the locations together have `quantity` units available. Reserves nothing. */
  async confirmInventory(inventoryItemId: string, locationIds: string | string[], quantity: number): Promise<boolean> {
    wholeNumber(quantity, "quantity", 0)
    return (await this.retrieveAvailableQuantity(inventoryItemId, locationIds)) >= quantity
  }

  /**
   * Adds `adjustment` units to (or, negative, takes them from) a level's stock. Stock may drop below
   * what is reserved (a recount found less: the reservations stay and available goes negative, as in
   * Medusa), but never below 0. A list of adjustments applies all or none.
   */
  async adjustInventory(inventoryItemId: string, locationId: string, adjustment: number): Promise<InventoryLevelDTO>
  async adjustInventory(adjustments: InventoryAdjustment[]): Promise<InventoryLevelDTO[]>
  async adjustInventory(
    itemOrList: string | InventoryAdjustment[],
    locationId?: string,
    adjustment?: number,
  ): Promise<InventoryLevelDTO | InventoryLevelDTO[]> {
    const list = typeof itemOrList === "string" ? [{ inventoryItemId: itemOrList, locationId, adjustment }] : itemOrList
    const lines = list.map((entry) => {
      const inventory_item_id = requiredId(entry.inventoryItemId, "inventoryItemId")
      const location_id = requiredId(entry.locationId, "locationId")
      const quantity = wholeNumber(entry.adjustment, `adjustment of item ${inventory_item_id} at location ${location_id}`)
      return { inventory_item_id, location_id, quantity }
    })
    const ids = await this.database.transaction(async () => {
      const adjusted: string[] = []
      for (const change of byLevel(lines)) adjusted.push(await adjustAtLevel(this.database, { ...change, adjustment: change.quantity }))
      return adjusted
    })
    const levels = await this.listInventoryLevels({ id: ids })
    if (typeof itemOrList !== "string") return levels
    const [level] = levels
    if (!level) throw new Error(`Lost inventory level ${ids[0]} after adjusting it`)
    return level
  }

  /**
   * Reserves stock for every line or for none, in one statement: quantities are summed per (item,
   * location), the levels locked in a fixed order and raised only when every one covers its quantity;
   * a line with `allow_backorder` skips the check. Fails with not_allowed (code insufficient_inventory)
   * naming the item, its sku and the location.
   */
  reserve(items: CreateReservationItemInput[]): Promise<ReservationItemRow[]> {
    return reserveStock(this.database, items)
  }

  /** Medusa's name for `reserve`. */
  override createReservationItems = oneOrMany((items: CreateReservationItemInput[]) => this.reserve(items))

  /** Changes reservations; a new quantity or location moves the reserved units (checked, all or nothing). */
  override updateReservationItems = updateOneOrMany(
    (items: (UpdateReservationItemInput & { id: string })[]) => reservations.update(this.database, this.tables, items),
    (selector: Filters<ReservationItemRow>) => this.idsOf(this.tables.listReservationItems(selector, { select: ["id"] })),
  )

  /** Deletes reservations and gives their units back; returns them as they were. Unknown or released ids are skipped. */
  release(reservationIds: string | string[]): Promise<ReservationItemRow[]> {
    return reservations.release(this.database, this.tables, { column: "id", values: listOf(reservationIds) })
  }

  override deleteReservationItems = async (ids: string | string[]): Promise<void> => {
    await this.release(ids)
  }

  /** Releases every reservation of the given (order) line items. */
  async deleteReservationItemsByLineItem(lineItemIds: string | string[]): Promise<void> {
    await reservations.release(this.database, this.tables, { column: "line_item_id", values: listOf(lineItemIds) })
  }

  override softDeleteReservationItems = async (ids: string | string[]): Promise<void> => {
    await reservations.release(this.database, this.tables, { column: "id", values: listOf(ids) }, "softDelete")
  }

  /** Holds the stock of soft-deleted reservations again; refused (all of them) when it is no longer there. */
  override restoreReservationItems = (ids: string | string[]): Promise<void> =>
    reservations.restore(this.database, this.tables, listOf(ids))

  /**
   * Fulfilment: the reserved units leave the stock. Each reservation (all of it, or `{ id, quantity }`)
   * lowers both stocked and reserved at its level, then goes or shrinks. All or nothing; refused when
   * the level has fewer units in stock than it gives out.
   */
  consumeReservations(input: ConsumeReservationInput[]): Promise<ConsumedReservation[]> {
    return reservations.consume(this.database, this.tables, input)
  }

  private async idsOf(rows: Promise<{ id: string }[]>): Promise<string[]> {
    return (await rows).map((row) => row.id)
  }
}

function listOf(ids: string | string[]): string[] {
  return typeof ids === "string" ? [ids] : ids
}
