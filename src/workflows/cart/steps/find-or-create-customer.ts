import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CUSTOMER_MODULE } from "../../../modules/customer/index.ts"
import type { CustomerModuleService } from "../../../modules/customer/index.ts"

export type FindOrCreateCustomerStepInput = { customer_id?: string | null; email?: string | null }

export type CustomerForCart = { id: string; email: string | null; has_account: boolean }

export type FindOrCreateCustomerStepOutput = { customer: CustomerForCart | null; email: string | null }

/**
 * The customer of a cart (Medusa's find-or-create): the one given by id, its email kept unless
 * another is given; a guest is known only by its email, so a guest given with another email, or an
 * email alone, gives the guest customer of that email, created when there is none. Compensation
 * deletes a guest it created.
 */
export const findOrCreateCustomerStepId = "find-or-create-customer-step"
export const findOrCreateCustomerStep = createStep(
  findOrCreateCustomerStepId,
  async (input: FindOrCreateCustomerStepInput, { container }) => {
    const customers = container.resolve<CustomerModuleService>(CUSTOMER_MODULE)
    const email = input.email ? validEmail(input.email) : null
    if (input.customer_id) {
      const [customer] = await customers.listCustomers({ id: input.customer_id }, { take: 1 })
      if (!customer) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Customer with id: ${input.customer_id} was not found`)
      if (customer.has_account || !email || email === customer.email) {
        const found = { id: customer.id, email: customer.email, has_account: customer.has_account }
        return new StepResponse<FindOrCreateCustomerStepOutput, string | undefined>({ customer: found, email: email ?? customer.email }, undefined)
      }
    }
    if (!email) return new StepResponse<FindOrCreateCustomerStepOutput, string | undefined>({ customer: null, email: null }, undefined)
    const { customer, created } = await customers.findOrCreateGuest(email)
    return new StepResponse<FindOrCreateCustomerStepOutput, string | undefined>(
      { customer: { id: customer.id, email: customer.email, has_account: customer.has_account }, email: customer.email },
      created ? customer.id : undefined,
    )
  },
  async (createdId, { container }) => {
    if (!createdId) return
    await container.resolve<CustomerModuleService>(CUSTOMER_MODULE).deleteCustomers(createdId)
  },
)

/** An email as stored (trimmed, lowercase); invalid_data naming it when it is not one. */
export function validEmail(email: string): string {
  const normalized = String(email).trim().toLowerCase()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized)) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `The email is not valid: ${JSON.stringify(email)}`)
  }
  return normalized
}
