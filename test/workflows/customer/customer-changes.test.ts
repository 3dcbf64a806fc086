import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import type { CustomerModuleService } from "../../../src/modules/customer/index.ts"
import { CustomerEvents } from "../../../src/workflows/customer/events.ts"
import { createCustomerAddressesWorkflow } from "../../../src/workflows/customer/workflows/create-customer-addresses.ts"
import { deleteCustomerAddressesWorkflow } from "../../../src/workflows/customer/workflows/delete-customer-addresses.ts"
import { updateCustomerAddressesWorkflow } from "../../../src/workflows/customer/workflows/update-customer-addresses.ts"
import { updateCustomersWorkflow } from "../../../src/workflows/customer/workflows/update-customers.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let customers: CustomerModuleService
let failHooks = false
const updatedEvents: unknown[] = []
beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/customer" }] })
  customers = t.app.container.resolve("customer")
  t.app.events.bus.subscribe(CustomerEvents.UPDATED, ({ event }) => void updatedEvents.push(event.data), { subscriberId: "test" })
  const rejecting = async () => {
    if (failHooks) throw new Error("rejected by a hook")
    return new StepResponse(undefined)
  }
  updateCustomersWorkflow.hooks.customersUpdated(rejecting)
  createCustomerAddressesWorkflow.hooks.addressesCreated(rejecting)
  updateCustomerAddressesWorkflow.hooks.addressesUpdated(rejecting)
  deleteCustomerAddressesWorkflow.hooks.addressesDeleted(rejecting)
})
afterAll(() => t?.close())
beforeEach(() => {
  failHooks = false
})

let counter = 0
const customer = (data: Record<string, unknown> = {}) =>
  customers.createCustomers({ email: `c${++counter}@example.com`, has_account: true, first_name: "Ada", ...data })
const failure = (promise: Promise<unknown>) => promise.then(() => expect.fail("expected the workflow to fail"), (error: unknown) => error as Error)
const addressesOf = async (customerId: string) =>
  (await customers.listCustomerAddresses({ customer_id: customerId }, { order: { created_at: "ASC" } })).map(
    ({ id, city, is_default_shipping, is_default_billing }) => ({ id, city, is_default_shipping, is_default_billing }),
  )

describe("update-customers", () => {
  test("changes customers and announces each", async () => {
    const ada = await customer()
    await t.app.events.bus.drain()
    updatedEvents.splice(0)
    const { result } = await updateCustomersWorkflow(t.app.container).run({ input: { customer_ids: [ada.id], update: { last_name: "King" } } })
    expect(result[0]).toMatchObject({ id: ada.id, first_name: "Ada", last_name: "King" })
    await t.app.events.bus.drain()
    expect(updatedEvents).toEqual([{ id: ada.id }])
  })

  test("an email another account holds is refused, and a later failure puts the values back", async () => {
    const ada = await customer()
    const grace = await customer()
    const taken = await failure(updateCustomersWorkflow(t.app.container).run({ input: { customer_ids: [ada.id], update: { email: grace.email } } }))
    expect(taken.message).toContain("Customer with this email already has an account")

    failHooks = true
    await failure(updateCustomersWorkflow(t.app.container).run({ input: { customer_ids: [ada.id], update: { first_name: "Augusta", phone: "1" } } }))
    expect(await customers.retrieveCustomer(ada.id)).toMatchObject({ email: ada.email, first_name: "Ada", phone: null })

    const missing = await failure(updateCustomersWorkflow(t.app.container).run({ input: { customer_ids: ["cus_missing"], update: { first_name: "X" } } }))
    expect(missing.message).toContain("Customer with id: cus_missing was not found")
  })
})

describe("customer address workflows", () => {
  test("a new default takes over; a failed run gives the old default back and leaves no address", async () => {
    const ada = await customer()
    const { result: [home] } = await createCustomerAddressesWorkflow(t.app.container).run({
      input: { addresses: [{ customer_id: ada.id, city: "Boston", is_default_shipping: true }] },
    })
    failHooks = true
    await failure(
      createCustomerAddressesWorkflow(t.app.container).run({
        input: { addresses: [{ customer_id: ada.id, city: "Salem", is_default_shipping: true }] },
      }),
    )
    expect(await addressesOf(ada.id)).toEqual([{ id: home!.id, city: "Boston", is_default_shipping: true, is_default_billing: false }])

    failHooks = false
    await createCustomerAddressesWorkflow(t.app.container).run({ input: { addresses: [{ customer_id: ada.id, city: "Salem", is_default_shipping: true }] } })
    expect((await addressesOf(ada.id)).map((address) => [address.city, address.is_default_shipping])).toEqual([
      ["Boston", false],
      ["Salem", true],
    ])
  })

  test("updates only the customer's own addresses; a failed update puts fields and defaults back", async () => {
    const ada = await customer()
    const grace = await customer()
    const { result } = await createCustomerAddressesWorkflow(t.app.container).run({
      input: {
        addresses: [
          { customer_id: ada.id, city: "Boston", is_default_billing: true },
          { customer_id: ada.id, city: "Salem" },
        ],
      },
    })
    const [boston, salem] = result
    const before = await addressesOf(ada.id)

    const foreign = await failure(
      updateCustomerAddressesWorkflow(t.app.container).run({ input: { customer_id: grace.id, updates: [{ id: boston!.id, city: "Nowhere" }] } }),
    )
    expect(foreign.message).toContain(`Address with id: ${boston!.id} was not found`)

    failHooks = true
    await failure(
      updateCustomerAddressesWorkflow(t.app.container).run({
        input: { customer_id: ada.id, updates: [{ id: salem!.id, city: "Cambridge", is_default_billing: true }] },
      }),
    )
    expect(await addressesOf(ada.id)).toEqual(before)

    failHooks = false
    await updateCustomerAddressesWorkflow(t.app.container).run({
      input: { customer_id: ada.id, updates: [{ id: salem!.id, city: "Cambridge", is_default_billing: true }] },
    })
    expect((await addressesOf(ada.id)).map((address) => [address.city, address.is_default_billing])).toEqual([
      ["Boston", false],
      ["Cambridge", true],
    ])
  })

  test("deletes the customer's own addresses; a failed delete brings them back", async () => {
    const ada = await customer()
    const grace = await customer()
    const { result: [home] } = await createCustomerAddressesWorkflow(t.app.container).run({ input: { addresses: [{ customer_id: ada.id, city: "Boston" }] } })
    const foreign = await failure(deleteCustomerAddressesWorkflow(t.app.container).run({ input: { customer_id: grace.id, ids: [home!.id] } }))
    expect(foreign.message).toContain("was not found")
    failHooks = true
    await failure(deleteCustomerAddressesWorkflow(t.app.container).run({ input: { customer_id: ada.id, ids: [home!.id] } }))
    expect((await addressesOf(ada.id)).map((address) => address.id)).toEqual([home!.id])
    failHooks = false
    await deleteCustomerAddressesWorkflow(t.app.container).run({ input: { customer_id: ada.id, ids: [home!.id] } })
    expect(await addressesOf(ada.id)).toEqual([])
  })
})
