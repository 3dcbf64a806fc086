import { mapDatabaseError } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { inListedOrder, ModuleService } from "../../framework/modules/index.ts"
import type { Filters, FindConfig, InferCreateInput, InferEntity, ModuleDependencies, SqlCondition } from "../../framework/modules/index.ts"
import { setAddressesSql } from "./address-sql.ts"
import type { AddressChanges } from "./address-sql.ts"
import { cartDetailOf, lineItemDetails, shippingMethodDetails } from "./cart-detail.ts"
import type { CartAddress, CartDetail, CartLineItem, CartRow, CartShippingMethod, LineItemRow, ShippingMethodRow } from "./cart-detail.ts"
import { cartDetailSql, cartUpdateSql, isCartColumn, reviveCart, reviveCartRow } from "./cart-sql.ts"
import { addressRow, lineItemRow, shippingMethodRow } from "./inputs.ts"
import type { CartAddressInput, CartLineItemInput, CartShippingMethodInput } from "./inputs.ts"
import { Address } from "./models/address.ts"
import { Cart } from "./models/cart.ts"
import { LineItem } from "./models/line-item.ts"
import { ShippingMethod } from "./models/shipping-method.ts"

export type CreateCartInput = Omit<InferCreateInput<typeof Cart>, "id"> & {
  id?: string
  shipping_address?: CartAddressInput | null
  billing_address?: CartAddressInput | null
}
export type CartAddresses = { shipping_address?: CartAddressInput | null; billing_address?: CartAddressInput | null }
export type CartFilters = Filters<InferEntity<typeof Cart>>
export type CartFindConfig = FindConfig<InferEntity<typeof Cart>>

/** A cart as the generated create answers it: its row, with the lines and methods created with it. */
type CreatedCart = Omit<CartRow, "shipping_address_id" | "billing_address_id"> & {
  shipping_address_id?: string | null
  billing_address_id?: string | null
  items?: LineItemRow[]
  shipping_methods?: ShippingMethodRow[]
}
type CartAddressRows = { shipping_address?: CartAddress; billing_address?: CartAddress }

type CreateCarts = { (data: CreateCartInput): Promise<CartDetail>; (data: CreateCartInput[]): Promise<CartDetail[]> }

const CartServiceBase = ModuleService({ Cart, Address, LineItem, ShippingMethod })
type GeneratedCartService = InstanceType<typeof CartServiceBase>

export class CartModuleService extends CartServiceBase {
  // The generated CRUD is made of own properties, which a prototype method cannot replace: the cart's
  // create, reads and delete are typed here and assigned in the constructor, over the generated ones.
  /** Creates carts with their addresses, lines and shipping methods; answers with their details. */
  declare createCarts: CreateCarts
  /** A cart with its addresses, lines, shipping methods and totals. */
  declare retrieveCart: (id: string, config?: CartFindConfig) => Promise<CartDetail>
  declare listCarts: (filters?: CartFilters, config?: CartFindConfig) => Promise<CartDetail[]>
  declare listAndCountCarts: (filters?: CartFilters, config?: CartFindConfig) => Promise<[CartDetail[], number]>
  /** Deletes carts with their lines, shipping methods and addresses. */
  declare deleteCarts: (ids: string | string[]) => Promise<void>

  readonly #generated: Pick<GeneratedCartService, "createCarts" | "listCarts" | "listAndCountCarts" | "updateCarts" | "deleteCarts">

  constructor(dependencies: ModuleDependencies, options?: Record<string, unknown>) {
    super(dependencies, options)
    const generated: GeneratedCartService = this
    this.#generated = {
      createCarts: generated.createCarts,
      listCarts: generated.listCarts,
      listAndCountCarts: generated.listAndCountCarts,
      updateCarts: generated.updateCarts,
      deleteCarts: generated.deleteCarts,
    }
    this.createCarts = this.#createCarts.bind(this)
    this.retrieveCart = this.#retrieveCart.bind(this)
    this.listCarts = this.#listCarts.bind(this)
    this.listAndCountCarts = this.#listAndCountCarts.bind(this)
    this.updateCarts = this.#updateCarts.bind(this) as GeneratedCartService["updateCarts"]
    this.deleteCarts = this.#deleteCarts.bind(this)
  }

  /**
   * Marks an open cart completed at `at`: one statement. False when the cart was completed already
   * (its completion is left as it was); not_found when there is no such cart.
   */
  async markCompleted(cartId: string, at: Date): Promise<boolean> {
    const rows = await this.database.execute<{ completed: boolean }>(
      `with "target" as (select "id", "completed_at" from "cart" where "id" = ? and "deleted_at" is null for update),
        "marked" as (update "cart" c set "completed_at" = ?::timestamptz, "updated_at" = ?::timestamptz
          from "target" t where c."id" = t."id" and t."completed_at" is null returning c."id")
      select exists (select 1 from "marked") as "completed" from "target"`,
      [cartId, at.toISOString(), at.toISOString()],
    )
    if (rows.length === 0) throw notFound(cartId)
    return rows[0]!.completed
  }

  /** Adds lines to a cart that is not completed; answers with the new lines and their totals. */
  async addLineItems(cartId: string, items: CartLineItemInput[]): Promise<CartLineItem[]>
  async addLineItems(items: (CartLineItemInput & { cart_id: string })[]): Promise<CartLineItem[]>
  async addLineItems(
    first: string | (CartLineItemInput & { cart_id: string })[],
    items: CartLineItemInput[] = [],
  ): Promise<CartLineItem[]> {
    const rows = typeof first === "string" ? items.map((item) => ({ ...item, cart_id: first })) : first
    const cartIds = typeof first === "string" ? [first] : rows.map((row) => row.cart_id)
    // The created rows are what a read would answer (no read back), in the order a read gives.
    const created = await this.createLineItems(
      rows.map((row) => ({ ...lineItemRow(row), cart_id: row.cart_id })),
      { onlyIf: cartsOpen(cartIds) },
    )
    if (rows.length > 0 && created.length === 0) await this.#refuseClosedCarts(cartIds)
    return lineItemDetails(byCreation(created))
  }

  /** Adds shipping methods to a cart; replacing the previous ones is the calling workflow's choice. */
  async addShippingMethods(cartId: string, methods: CartShippingMethodInput[]): Promise<CartShippingMethod[]>
  async addShippingMethods(methods: (CartShippingMethodInput & { cart_id: string })[]): Promise<CartShippingMethod[]>
  async addShippingMethods(
    first: string | (CartShippingMethodInput & { cart_id: string })[],
    methods: CartShippingMethodInput[] = [],
  ): Promise<CartShippingMethod[]> {
    const rows = typeof first === "string" ? methods.map((method) => ({ ...method, cart_id: first })) : first
    const cartIds = typeof first === "string" ? [first] : rows.map((row) => row.cart_id)
    // As for lines: one insert, made only if every cart is open.
    const created = await this.createShippingMethods(
      rows.map((row) => ({ ...shippingMethodRow(row), cart_id: row.cart_id })),
      { onlyIf: cartsOpen(cartIds) },
    )
    if (rows.length > 0 && created.length === 0) await this.#refuseClosedCarts(cartIds)
    return shippingMethodDetails(byCreation(created))
  }

  /**
   * Sets a cart's shipping and/or billing address: an object replaces the address, `null` removes it,
   * a missing key leaves it as it is.
   */
  async setAddresses(cartId: string, addresses: CartAddresses): Promise<CartDetail> {
    await this.replaceAddresses(cartId, addresses)
    return this.retrieveCart(cartId)
  }

  /** `setAddresses` without reading the cart back: one statement. */
  async replaceAddresses(cartId: string, addresses: CartAddresses): Promise<void> {
    const changes: AddressChanges = {}
    for (const key of ["shipping_address", "billing_address"] as const) {
      const input = addresses[key]
      if (input !== undefined) changes[key] = input === null ? null : addressRow(input)
    }
    if (Object.keys(changes).length > 0) {
      const { sql, params } = setAddressesSql(cartId, changes, new Date())
      const [row] = await this.database.execute<{ found: boolean }>(sql, params).catch((error: unknown) => {
        throw mapDatabaseError(error, "Cart")
      })
      if (!row?.found) throw notFound(cartId)
    }
  }

  async #createCarts(data: CreateCartInput): Promise<CartDetail>
  async #createCarts(data: CreateCartInput[]): Promise<CartDetail[]>
  async #createCarts(data: CreateCartInput | CreateCartInput[]): Promise<CartDetail | CartDetail[]> {
    const inputs = Array.isArray(data) ? data : [data]
    // Carts with their lines and methods are one statement; addresses are written before it.
    const withAddresses = inputs.some((input) => input.shipping_address || input.billing_address)
    const write = async () => {
      const prepared: ({ row: InferCreateInput<typeof Cart> } & CartAddressRows)[] = []
      for (const input of inputs) prepared.push(await this.#cartRow(input))
      const created = (await this.#generated.createCarts(prepared.map(({ row }) => row))) as unknown as CreatedCart[]
      // The created rows are what a read would answer: the details are made from them, not read back.
      return created.map((cart, i) => {
        const { items, shipping_methods, ...row } = cart
        return cartDetailOf({
          ...row,
          shipping_address_id: row.shipping_address_id ?? null,
          billing_address_id: row.billing_address_id ?? null,
          items: byCreation(items ?? []),
          shipping_methods: byCreation(shipping_methods ?? []),
          shipping_address: prepared[i]?.shipping_address ?? null,
          billing_address: prepared[i]?.billing_address ?? null,
        })
      })
    }
    const carts = withAddresses ? await this.database.transaction(write) : await write()
    return Array.isArray(data) ? carts : (carts[0] as CartDetail)
  }

  async #cartRow(input: CreateCartInput): Promise<{ row: InferCreateInput<typeof Cart> } & CartAddressRows> {
    const { shipping_address, billing_address, items, shipping_methods, ...cart } = input
    if (typeof cart.currency_code !== "string" || cart.currency_code.trim() === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "Cart currency_code is required")
    }
    const row: InferCreateInput<typeof Cart> = { ...cart, currency_code: cart.currency_code.toLowerCase() }
    const addresses: CartAddressRows = {}
    if (shipping_address) {
      addresses.shipping_address = await this.createAddresses(addressRow(shipping_address))
      row.shipping_address_id = addresses.shipping_address.id
    }
    if (billing_address) {
      addresses.billing_address = await this.createAddresses(addressRow(billing_address))
      row.billing_address_id = addresses.billing_address.id
    }
    if (items) row.items = items.map((item) => lineItemRow(item))
    if (shipping_methods) row.shipping_methods = shipping_methods.map((method) => shippingMethodRow(method))
    return { row, ...addresses }
  }

  async #retrieveCart(id: string, config: CartFindConfig = {}): Promise<CartDetail> {
    const [cart] = await this.#listCarts({ id }, { ...config, take: 1, skip: 0 })
    if (!cart) throw notFound(id)
    return cart
  }

  async #listCarts(filters: CartFilters = {}, config: CartFindConfig = {}): Promise<CartDetail[]> {
    const ids = idsOnly(filters)
    if (ids && config.order === undefined && (config.select ?? []).every((name) => isCartColumn(name))) {
      // By id, the common read: the carts with their parts in one statement.
      return this.#byIds(ids, config)
    }
    const carts = await this.#generated.listCarts(filters, rowConfig(config))
    return this.#inOrder(carts, config)
  }

  async #listAndCountCarts(filters: CartFilters = {}, config: CartFindConfig = {}): Promise<[CartDetail[], number]> {
    const [carts, count] = await this.#generated.listAndCountCarts(filters, rowConfig(config))
    return [await this.#inOrder(carts, config), count]
  }

  /**
   * Changes of a cart's own columns by id are one statement each (no read first, no transaction for
   * one cart); anything else (an update by selector, relations) is the generated update's.
   */
  async #updateCarts(data: unknown): Promise<unknown> {
    const generated = this.#generated.updateCarts as (data: unknown) => Promise<unknown>
    if (data === null || typeof data !== "object" || (!Array.isArray(data) && "selector" in data)) return generated(data)
    const changes = (Array.isArray(data) ? data : [data]) as Record<string, unknown>[]
    const now = new Date()
    const statements = changes.map((change) => (change && typeof change === "object" ? cartUpdateSql(change, now) : undefined))
    if (statements.length === 0 || statements.some((statement) => statement === undefined)) return generated(data)
    const run = async () => {
      const rows = []
      for (const [i, statement] of statements.entries()) {
        const [row] = await this.database.execute<{ cart: Record<string, unknown> }>(statement!.sql, statement!.params)
        if (!row) throw notFound(String(changes[i]!.id))
        rows.push(reviveCartRow(row.cart))
      }
      return rows
    }
    try {
      const rows = statements.length === 1 ? await run() : await this.database.transaction(run)
      return Array.isArray(data) ? rows : rows[0]
    } catch (error) {
      throw mapDatabaseError(error, "Cart")
    }
  }

  async #deleteCarts(ids: string | string[]): Promise<void> {
    await this.database.transaction(async () => {
      const carts = await this.#generated.listCarts({ id: Array.isArray(ids) ? ids : [ids] }, { withDeleted: true })
      await this.#generated.deleteCarts(ids)
      const addressIds = carts.flatMap((cart) => [cart.shipping_address_id, cart.billing_address_id])
      await this.deleteAddresses(addressIds.filter((id): id is string => typeof id === "string"))
    })
  }

  /** Carts by id with their lines, shipping methods and addresses: one statement. */
  async #byIds(ids: string[], config: CartFindConfig = {}): Promise<CartDetail[]> {
    if (ids.length === 0) return []
    const { sql, params } = cartDetailSql({ ids, select: config.select, withDeleted: config.withDeleted, take: config.take, skip: config.skip })
    const rows = await this.database.execute<{ cart: Record<string, unknown> }>(sql, params)
    return rows.map((row) => reviveCart(row.cart))
  }

  /** The details of carts a list found, in the list's order (pages were cut by the list). */
  async #inOrder(carts: { id: string }[], config: CartFindConfig): Promise<CartDetail[]> {
    const details = await this.#byIds(
      carts.map((cart) => cart.id),
      { select: config.select, withDeleted: config.withDeleted },
    )
    return inListedOrder(carts, details)
  }

  /**
   * After an insert refused by `cartsOpen`: names the cart that does not exist or is completed
   * (not_found, invalid_data). Every cart open again by now means one was completed or deleted and
   * then restored meanwhile: a conflict, to retry.
   */
  async #refuseClosedCarts(cartIds: string[]): Promise<never> {
    const ids = [...new Set(cartIds)]
    const carts = await this.#generated.listCarts({ id: ids }, { select: ["completed_at"] })
    for (const id of ids) {
      const cart = carts.find((candidate) => candidate.id === id)
      if (!cart) throw notFound(id)
      if (cart.completed_at) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Cart ${id} is already completed`)
    }
    throw new AgoraError(AgoraError.Types.CONFLICT, `Carts ${ids.join(", ")} changed while they were written to; try again`)
  }
}

/**
 * The condition lines and shipping methods are inserted under: every cart exists (not deleted) and
 * is not completed. Checked in the insert itself (one round trip); completing a cart meanwhile is
 * kept out by the workflows' cart lock, as before.
 */
function cartsOpen(cartIds: string[]): SqlCondition {
  return {
    sql: `not exists (select 1 from jsonb_array_elements_text(?::jsonb) as "wanted"("id")
      left join "cart" "open" on "open"."id" = "wanted"."id" and "open"."deleted_at" is null and "open"."completed_at" is null
      where "open"."id" is null)`,
    params: [JSON.stringify([...new Set(cartIds)])],
  }
}

/** Cart reads always carry their parts, so the relations asked for are loaded whatever they name. */
function rowConfig(config: CartFindConfig): CartFindConfig {
  const { relations: _relations, select, ...rest } = config
  if (!select) return rest
  return { ...rest, select: [...new Set([...select, "shipping_address_id", "billing_address_id"] as const)] }
}

/** Rows in the order reads give them: by creation, then id. */
function byCreation<T extends { id: string; created_at: Date }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The ids of a filter on nothing but `id` (one id or a list of them). */
function idsOnly(filters: CartFilters): string[] | undefined {
  const keys = Object.keys(filters).filter((key) => (filters as Record<string, unknown>)[key] !== undefined)
  if (keys.length !== 1 || keys[0] !== "id") return undefined
  const id: unknown = filters.id
  if (typeof id === "string") return [id]
  if (Array.isArray(id) && id.every((value) => typeof value === "string")) return id
  return undefined
}

function notFound(id: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${id} was not found`)
}
