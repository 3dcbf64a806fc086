import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { retrievePaymentCollection } from "./retrieve-payment-collection.ts"
import type { PaymentCollectionWithCart } from "./retrieve-payment-collection.ts"
import { assertCartValid } from "./validate-cart.ts"
import { validatePaymentProviderInRegion } from "./validate-payment-provider-in-region.ts"

export type PreparePaymentSessionStepInput = { payment_collection_id: string; provider_id: string }

export const preparePaymentSessionStepId = "prepare-payment-session-step"
/**
 * The payment collection a session is opened for, read and checked in one step before anything is
 * written: the collection with its sessions and cart (`retrievePaymentCollectionStep`); for a
 * cart's collection, the cart still open (`validateCartStep`) and the provider offered in its
 * region (`validatePaymentProviderInRegionStep`).
 */
export const preparePaymentSessionStep = createStep(
  { name: preparePaymentSessionStepId, readOnly: true },
  async (input: PreparePaymentSessionStepInput, { container }) => {
    const collection = await retrievePaymentCollection(container, { id: input.payment_collection_id })
    if (collection.cart) assertCartValid({ cart: collection.cart })
    await validatePaymentProviderInRegion(container, { provider_id: input.provider_id, region_id: collection.cart?.region_id ?? null })
    return new StepResponse<PaymentCollectionWithCart>(collection)
  },
)
