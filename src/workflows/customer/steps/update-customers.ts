import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CUSTOMER_MODULE } from "../../../modules/customer/index.ts"
import type { CustomerDTO, CustomerModuleService, UpdateCustomerInput } from "../../../modules/customer/index.ts"

export type UpdateCustomersStepInput = { ids: string[]; update: Omit<UpdateCustomerInput, "id"> }

const FIELDS = ["email", "first_name", "last_name", "phone", "company_name", "has_account", "metadata"] as const

export const updateCustomersStepId = "update-customers-step"
/** Applies one change to customers (not_found for an unknown id); its compensation puts back what they held. */
export const updateCustomersStep = createStep(
  updateCustomersStepId,
  async ({ ids, update }: UpdateCustomersStepInput, { container }) => {
    const service = container.resolve<CustomerModuleService>(CUSTOMER_MODULE)
    const current = await service.listCustomers({ id: ids })
    const missing = ids.filter((id) => !current.some((customer) => customer.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Customer with id: ${missing.join(", ")} was not found`)
    const changed = FIELDS.filter((field) => update[field] !== undefined)
    const previous = current.map((customer) => {
      const before: UpdateCustomerInput = { id: customer.id }
      for (const field of changed) Object.assign(before, { [field]: customer[field] })
      return before
    })
    if (changed.length === 0 || ids.length === 0) return new StepResponse<CustomerDTO[], UpdateCustomerInput[]>(current, [])
    const updated = await service.updateCustomers(ids.map((id) => ({ ...update, id })))
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<CustomerModuleService>(CUSTOMER_MODULE).updateCustomers(previous)
  },
)
