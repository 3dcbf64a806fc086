import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { FulfillmentWorkflowEvents } from "../events.ts"
import { createShippingProfilesStep } from "../steps/create-shipping-profiles.ts"
import type { CreateShippingProfileInput } from "../steps/create-shipping-profiles.ts"

export type CreateShippingProfilesWorkflowInput = { data: CreateShippingProfileInput[] }

export const createShippingProfilesWorkflowId = "create-shipping-profiles"

/** Creates shipping profiles and announces them. */
export const createShippingProfilesWorkflow = createWorkflow(
  createShippingProfilesWorkflowId,
  (input: WorkflowData<CreateShippingProfilesWorkflowInput>) => {
    const profiles = createShippingProfilesStep(input.data)
    emitEventStep(
      transform({ profiles }, ({ profiles }) =>
        profiles.map((profile) => ({ name: FulfillmentWorkflowEvents.SHIPPING_PROFILE_CREATED, data: { id: profile.id } })),
      ),
    )
    return new WorkflowResponse(profiles)
  },
)
