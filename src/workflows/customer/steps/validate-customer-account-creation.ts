import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { AUTH_MODULE } from "../../../modules/auth/index.ts"
import type { AuthModuleService } from "../../../modules/auth/index.ts"

export const validateCustomerAccountCreationStepId = "validate-customer-account-creation-step"
/** The identity must exist and not be a customer yet (its token registers one account, once). */
export const validateCustomerAccountCreationStep = createStep(
  { name: validateCustomerAccountCreationStepId, readOnly: true },
  async ({ authIdentityId }: { authIdentityId: string }, { container }) => {
    const identity = await container.resolve<AuthModuleService>(AUTH_MODULE).retrieveAuthIdentity(authIdentityId)
    const customerId = (identity.app_metadata as Record<string, unknown> | null)?.customer_id
    if (customerId) throw new AgoraError(AgoraError.Types.INVALID_DATA, "Request already authenticated as a customer.")
    return new StepResponse(undefined)
  },
)
