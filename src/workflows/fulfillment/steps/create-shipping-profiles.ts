import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type { FulfillmentModuleService, ShippingProfileDTO } from "../../../modules/fulfillment/index.ts"

export type CreateShippingProfileInput = { name: string; type: string; metadata?: Record<string, unknown> | null }

export const createShippingProfilesStepId = "create-shipping-profiles-step"

/** Creates shipping profiles; its compensation deletes them. */
export const createShippingProfilesStep = createStep(
  createShippingProfilesStepId,
  async (profiles: CreateShippingProfileInput[], { container }) => {
    if (profiles.length === 0) return new StepResponse<ShippingProfileDTO[], string[]>([], [])
    const created = await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).createShippingProfiles(profiles)
    return new StepResponse(
      created,
      created.map((profile) => profile.id),
    )
  },
  async (ids, { container }) => {
    if (!ids || ids.length === 0) return
    await container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE).deleteShippingProfiles(ids)
  },
)
