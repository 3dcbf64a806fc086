import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService } from "../../../modules/cart/index.ts"

/** The cart columns a workflow changes; addresses change through `setCartAddressesStep`. */
export type CartUpdate = {
  id: string
  email?: string | null
  customer_id?: string | null
  sales_channel_id?: string | null
  region_id?: string | null
  currency_code?: string
  metadata?: Record<string, unknown> | null
  /**
   * The cart as the workflow read it under the cart's lock: compensation sets back its values of
   * the fields changed, without reading the cart again.
   */
  current?: Omit<CartUpdate, "id" | "current">
}

const FIELDS = ["email", "customer_id", "sales_channel_id", "region_id", "currency_code", "metadata"] as const

/** Changes carts' columns; compensation puts back the values they had. */
export const updateCartsStepId = "update-carts-step"
export const updateCartsStep = createStep(
  updateCartsStepId,
  async (updates: CartUpdate[], { container }) => {
    const rows = updates.map((update) => {
      const row: CartUpdate = { id: update.id }
      for (const field of FIELDS) if (update[field] !== undefined) Object.assign(row, { [field]: update[field] })
      return row
    })
    const changing = rows.filter((row) => Object.keys(row).length > 1)
    if (changing.length === 0) return new StepResponse([], [])
    const service = container.resolve<CartModuleService>(CART_MODULE)
    const given = updates.filter((update) => update.current !== undefined)
    const current =
      given.length === updates.length
        ? given.map((update) => ({ ...update.current, id: update.id }))
        : await service.listCarts({ id: changing.map((row) => row.id) })
    const previous = changing.map((row) => {
      const cart = current.find((candidate) => candidate.id === row.id)
      if (!cart) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${row.id} was not found`)
      const before: CartUpdate = { id: row.id }
      for (const field of FIELDS) if (row[field] !== undefined) Object.assign(before, { [field]: cart[field] })
      return before
    })
    await service.updateCarts(changing)
    return new StepResponse(
      changing.map((row) => row.id),
      previous,
    )
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).updateCarts(previous)
  },
)
