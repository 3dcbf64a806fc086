import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { readCartWithLinks } from "../utils/read-cart.ts"
import type { CartWithLinks } from "../utils/types.ts"
import { assertCartValid } from "./validate-cart.ts"

export type RetrieveCartStepInput = {
  id: string
  /** Also refuse a completed cart, as `validateCartStep` does: one step (one checkpoint) instead of two. */
  validate?: boolean
}

/**
 * A cart with its lines, shipping methods, addresses and totals, and its payment collection, read in
 * one statement; not_found when there is none.
 */
export const retrieveCartStepId = "retrieve-cart-step"
export const retrieveCartStep = createStep({ name: retrieveCartStepId, readOnly: true }, async (input: RetrieveCartStepInput, { container }) => {
  const cart = await readCartWithLinks(container.resolve<Query>("query"), input.id)
  if (input.validate) assertCartValid({ cart })
  return new StepResponse<CartWithLinks>(cart)
})
