import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { signUpCustomer } from "./orders-fixtures.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

let counter = 0
const newEmail = () => `customer-${++counter}@example.com`
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
const registrationToken = async (email = newEmail()) =>
  (await t.anonymous.post("/auth/customer/emailpass/register", { email, password: "secret-password" })).json().token as string
const count = async (table: string) => Number((await t.rows<{ n: string }>(`select count(*)::text as n from ${table} where deleted_at is null`))[0]?.n)

describe("POST /store/customers", () => {
  test("a registration token creates a customer with an account and the default fields", async () => {
    const email = newEmail()
    const res = await t.storefront.post("/store/customers", { email, first_name: "Ada", last_name: "Lovelace", phone: "555" }, bearer(await registrationToken(email)))
    expect(res.statusCode).toBe(200)
    const { customer } = res.json()
    expect(customer).toMatchObject({ id: expect.stringMatching(/^cus_/), email, first_name: "Ada", last_name: "Lovelace", phone: "555", has_account: true, addresses: [] })
    expect(Object.keys(customer).sort()).toEqual(
      ["addresses", "company_name", "created_at", "deleted_at", "email", "first_name", "has_account", "id", "last_name", "metadata", "phone", "updated_at"].sort(),
    )
    const [identity] = await t.rows<{ app_metadata: Record<string, unknown> }>(
      "select a.app_metadata from auth_identity a join provider_identity p on p.auth_identity_id = a.id where p.entity_id = ?",
      [email],
    )
    expect(identity?.app_metadata).toEqual({ customer_id: customer.id })
  })

  test("a guest customer with the same email does not stop the registration", async () => {
    const email = newEmail()
    await t.customers.createCustomers({ email, has_account: false })
    const res = await t.storefront.post("/store/customers", { email }, bearer(await registrationToken(email)))
    expect(res.statusCode).toBe(200)
    expect((await t.customers.listCustomers({ email })).length).toBe(2)
  })

  test("without a token it is 401; with a token already bound to a customer it is 400", async () => {
    const before = await count("customer")
    const anonymous = await t.storefront.post("/store/customers", { email: newEmail() })
    expect(anonymous.statusCode).toBe(401)
    expect(anonymous.json()).toEqual({ message: "Unauthorized" })

    const signedIn = await signUpCustomer(t)
    const again = await t.storefront.post("/store/customers", { email: newEmail() }, signedIn)
    expect(again.statusCode).toBe(400)
    expect(again.json()).toEqual({ type: "invalid_data", message: "Request already authenticated as a customer." })

    // The registration token itself, used a second time after the customer exists.
    const email = newEmail()
    const token = await registrationToken(email)
    expect((await t.storefront.post("/store/customers", { email }, bearer(token))).statusCode).toBe(200)
    const reused = await t.storefront.post("/store/customers", { email: newEmail() }, bearer(token))
    expect(reused.statusCode).toBe(400)
    expect(reused.json().message).toBe("Request already authenticated as a customer.")
    expect(await count("customer")).toBe(before + 2)
  })

  test("an email that already has an account is 422 duplicate_error, nothing created", async () => {
    const taken = await signUpCustomer(t)
    const before = await count("customer")
    const res = await t.storefront.post("/store/customers", { email: taken.email }, bearer(await registrationToken()))
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ type: "duplicate_error", message: expect.stringContaining("Customer with this email already has an account") })
    expect(await count("customer")).toBe(before)
  })

  test("unknown or mistyped fields are 400 naming them, nothing created", async () => {
    const before = await count("customer")
    const token = await registrationToken()
    const unknown = await t.storefront.post("/store/customers", { email: newEmail(), password: "x" }, bearer(token))
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("password")
    const badEmail = await t.storefront.post("/store/customers", { email: "not-an-email" }, bearer(token))
    expect(badEmail.statusCode).toBe(400)
    expect(badEmail.json().message).toContain("email")
    expect(await count("customer")).toBe(before)
  })

  test("an admin token is not a customer's", async () => {
    const res = await t.storefront.post("/store/customers", { email: newEmail() }, bearer(t.adminJwt))
    expect(res.statusCode).toBe(401)
  })
})

describe("/store/customers/me", () => {
  test("answers the token's customer, and only with a customer token", async () => {
    const ada = await signUpCustomer(t, { first_name: "Ada" })
    const grace = await signUpCustomer(t, { first_name: "Grace" })
    const mine = await t.storefront.get("/store/customers/me", ada)
    expect(mine.statusCode).toBe(200)
    expect(mine.json().customer).toMatchObject({ id: ada.id, first_name: "Ada", has_account: true })
    expect((await t.storefront.get("/store/customers/me", grace)).json().customer.id).toBe(grace.id)

    expect((await t.storefront.get("/store/customers/me")).statusCode).toBe(401)
    expect((await t.storefront.get("/store/customers/me", bearer(await registrationToken()))).statusCode).toBe(401)
    expect((await t.storefront.get("/store/customers/me", bearer(t.adminJwt))).statusCode).toBe(401)
  })

  test("fields select within the allowed set", async () => {
    const ada = await signUpCustomer(t)
    const bare = await t.storefront.get("/store/customers/me?fields=email", ada)
    expect(bare.json().customer).toEqual({ id: ada.id, email: ada.email })
    const refused = await t.storefront.get("/store/customers/me?fields=created_by", ada)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().message).toBe("Requested fields [created_by] are not valid")
  })

  test("POST updates the profile; email and unknown fields are refused, nothing changed", async () => {
    const ada = await signUpCustomer(t, { first_name: "Ada" })
    const res = await t.storefront.post("/store/customers/me", { last_name: "King", company_name: "Analytical", metadata: { vip: true } }, ada)
    expect(res.statusCode).toBe(200)
    expect(res.json().customer).toMatchObject({ id: ada.id, first_name: "Ada", last_name: "King", company_name: "Analytical", metadata: { vip: true } })

    const email = await t.storefront.post("/store/customers/me", { email: "new@example.com" }, ada)
    expect(email.statusCode).toBe(400)
    expect(email.json().message).toContain("email")
    const typed = await t.storefront.post("/store/customers/me", { first_name: 7 }, ada)
    expect(typed.statusCode).toBe(400)
    expect(typed.json().message).toContain("first_name")
    expect(await t.customers.retrieveCustomer(ada.id)).toMatchObject({ email: ada.email, first_name: "Ada", last_name: "King" })

    expect((await t.storefront.post("/store/customers/me", { first_name: "X" })).statusCode).toBe(401)
  })
})

describe("/store/customers/me/addresses", () => {
  const address = { first_name: "Ada", address_1: "12 Analytical Row", city: "Boston", country_code: "US", postal_code: "02108" }

  test("adds, lists, retrieves, updates and deletes the customer's addresses", async () => {
    const ada = await signUpCustomer(t)
    const created = await t.storefront.post("/store/customers/me/addresses", { ...address, is_default_shipping: true }, ada)
    expect(created.statusCode).toBe(200)
    const [first] = created.json().customer.addresses
    expect(first).toMatchObject({ id: expect.stringMatching(/^cuaddr_/), customer_id: ada.id, country_code: "us", is_default_shipping: true })

    const second = (await t.storefront.post("/store/customers/me/addresses", { ...address, city: "Salem", is_default_shipping: true }, ada)).json()
      .customer.addresses as { id: string; city: string; is_default_shipping: boolean }[]
    expect(second.find((entry) => entry.city === "Boston")?.is_default_shipping).toBe(false)
    expect(second.find((entry) => entry.city === "Salem")?.is_default_shipping).toBe(true)

    const list = await t.storefront.get("/store/customers/me/addresses?city=Salem", ada)
    expect(list.statusCode).toBe(200)
    expect(list.json()).toMatchObject({ count: 1, offset: 0, limit: 50 })
    expect(list.json().addresses[0].city).toBe("Salem")

    const one = await t.storefront.get(`/store/customers/me/addresses/${first.id}`, ada)
    expect(one.json().address).toMatchObject({ id: first.id, city: "Boston" })

    const updated = await t.storefront.post(`/store/customers/me/addresses/${first.id}`, { city: "Cambridge", is_default_billing: true }, ada)
    expect(updated.statusCode).toBe(200)
    expect(updated.json().customer.addresses.find((entry: { id: string }) => entry.id === first.id)).toMatchObject({ city: "Cambridge", is_default_billing: true })

    const deleted = await t.storefront.delete(`/store/customers/me/addresses/${first.id}`, ada)
    expect(deleted.statusCode).toBe(200)
    expect(deleted.json()).toMatchObject({ id: first.id, object: "address", deleted: true, parent: { id: ada.id } })
    expect(deleted.json().parent.addresses.map((entry: { id: string }) => entry.id)).not.toContain(first.id)
    expect((await t.storefront.get(`/store/customers/me/addresses/${first.id}`, ada)).statusCode).toBe(404)
  })

  test("another customer's address is not found, and stays as it was", async () => {
    const ada = await signUpCustomer(t)
    const grace = await signUpCustomer(t)
    const adaAddress = (await t.storefront.post("/store/customers/me/addresses", address, ada)).json().customer.addresses[0]
    const message = { type: "not_found", message: `Address with id: ${adaAddress.id} was not found` }

    const read = await t.storefront.get(`/store/customers/me/addresses/${adaAddress.id}`, grace)
    expect(read.statusCode).toBe(404)
    expect(read.json()).toEqual(message)
    const update = await t.storefront.post(`/store/customers/me/addresses/${adaAddress.id}`, { city: "Nowhere" }, grace)
    expect(update.statusCode).toBe(404)
    expect(update.json()).toEqual(message)
    const remove = await t.storefront.delete(`/store/customers/me/addresses/${adaAddress.id}`, grace)
    expect(remove.statusCode).toBe(404)
    expect((await t.storefront.get("/store/customers/me/addresses", grace)).json().count).toBe(0)

    expect((await t.storefront.get(`/store/customers/me/addresses/${adaAddress.id}`, ada)).json().address).toMatchObject({ city: "Boston" })
  })

  test("a bad address body is 400 naming the field, nothing added; no token is 401", async () => {
    const ada = await signUpCustomer(t)
    const before = await count("customer_address")
    const unknown = await t.storefront.post("/store/customers/me/addresses", { ...address, street: "x" }, ada)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().message).toContain("street")
    const typed = await t.storefront.post("/store/customers/me/addresses", { ...address, is_default_billing: "yes" }, ada)
    expect(typed.statusCode).toBe(400)
    expect(typed.json().message).toContain("is_default_billing")
    expect((await t.storefront.post("/store/customers/me/addresses", address)).statusCode).toBe(401)
    expect((await t.storefront.get("/store/customers/me/addresses")).statusCode).toBe(401)
    expect(await count("customer_address")).toBe(before)
  })
})
