import { asValue } from "awilix"
import { afterAll, beforeAll, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { AgoraEvent } from "../../../src/framework/events/index.ts"
import { EMAILPASS } from "../../../src/modules/auth/index.ts"
import type { AuthModuleService } from "../../../src/modules/auth/index.ts"
import type { CustomerModuleService } from "../../../src/modules/customer/index.ts"
import { CustomerEvents } from "../../../src/workflows/customer/events.ts"
import { createCustomerAccountWorkflow } from "../../../src/workflows/customer/workflows/create-customer-account.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let auth: AuthModuleService
let customers: CustomerModuleService
const events: AgoraEvent[] = []
beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/customer" }] })
  auth = t.app.container.resolve("auth")
  customers = t.app.container.resolve("customer")
  t.app.events.bus.subscribe(CustomerEvents.CREATED, ({ event }) => void events.push(event), { subscriberId: "test" })
})
afterAll(() => t.close())

let counter = 0
async function registration(email = `shopper-${++counter}@example.com`) {
  const identity = await auth.register(EMAILPASS, { email, password: "secret-password" })
  return { identity, email }
}

const createAccount = (authIdentityId: string, customerData: Record<string, unknown>, container = t.app.container) =>
  createCustomerAccountWorkflow(container).run({ input: { authIdentityId, customerData } })

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => expect.fail("expected the workflow to fail"),
    (reason: unknown) => reason as Error,
  )
}

/** A scope whose `key` service throws from `method`. */
function failing(key: string, method: string) {
  const scope = t.app.container.createScope()
  const real = t.app.container.resolve<object>(key)
  scope.register(
    key,
    asValue(
      new Proxy(real, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target)
          if (property === method) return async () => Promise.reject(new Error(`${key}.${method} is down`))
          return typeof value === "function" ? value.bind(target) : value
        },
      }),
    ),
  )
  return scope
}

test("a registration becomes a customer with an account, bound to its auth identity", async () => {
  const { identity, email } = await registration()
  await t.app.events.bus.drain()
  events.splice(0)

  const { result: customer } = await createAccount(identity.id, { email: email.toUpperCase(), first_name: "Ada", last_name: "Lovelace" })

  expect(customer).toMatchObject({ id: expect.stringMatching(/^cus_/), email, first_name: "Ada", has_account: true })
  expect((await auth.retrieveAuthIdentity(identity.id)).app_metadata).toEqual({ customer_id: customer.id })
  expect(await customers.retrieveCustomer(customer.id)).toMatchObject({ has_account: true })
  await t.app.events.bus.drain()
  expect(events.map((event) => event.data)).toEqual([{ id: customer.id }])
})

test("an identity that already is a customer is refused", async () => {
  const { identity, email } = await registration()
  await createAccount(identity.id, { email })

  const error = (await failure(createAccount(identity.id, { email: `other-${email}` }))).cause as AgoraError

  expect(error).toMatchObject({ type: "invalid_data", message: "Request already authenticated as a customer." })
  expect(await customers.listCustomers({ email: `other-${email}` })).toEqual([])
})

test("an email that already has an account is refused, and the identity stays unbound", async () => {
  const { identity: first, email } = await registration()
  await createAccount(first.id, { email })
  const { identity: second } = await registration()
  const guest = await customers.createCustomers({ email: `guest-${email}` })

  const error = (await failure(createAccount(second.id, { email }))).cause as AgoraError

  expect(error).toBeInstanceOf(AgoraError)
  expect(error).toMatchObject({ type: "duplicate_error", message: `Customer with this email already has an account: ${email}` })
  expect((await auth.retrieveAuthIdentity(second.id)).app_metadata).toEqual({})
  expect(await customers.listCustomers({ email })).toHaveLength(1)
  // A guest with the same email does not stand in the way of an account.
  const { identity: third } = await registration()
  const { result } = await createAccount(third.id, { email: guest.email! })
  expect(result.has_account).toBe(true)
})

test("binding the identity fails: the customer is deleted", async () => {
  const { identity, email } = await registration()

  const error = await failure(createAccount(identity.id, { email }, failing("auth", "addActor")))

  expect(error.message).toBe('Workflow "create-customer-account" failed at step "set-auth-app-metadata-step": auth.addActor is down')
  expect(await customers.listCustomers({ email })).toEqual([])
})

test("a failure after the binding unbinds the identity and deletes the customer, announcing nothing", async () => {
  const { identity, email } = await registration()
  await auth.updateAuthIdentities({ id: identity.id, app_metadata: { user_id: "user_1" } })
  await t.app.events.bus.drain()
  events.splice(0)

  const error = await failure(createAccount(identity.id, { email }, failing("eventBus", "emit")))

  expect(error.message).toBe('Workflow "create-customer-account" failed at step "emit-event-step": eventBus.emit is down')
  expect((await auth.retrieveAuthIdentity(identity.id)).app_metadata).toEqual({ user_id: "user_1" })
  expect(await customers.listCustomers({ email })).toEqual([])
  await t.app.events.bus.drain()
  expect(events).toEqual([])
})
