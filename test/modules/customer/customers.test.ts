import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection } from "../../framework/modules/blog-app.ts"
import { startCustomerApp } from "./customer-app.ts"
import type { CustomerApp } from "./customer-app.ts"
import { countStatements } from "../../setup/count-statements.ts"

let t: CustomerApp
beforeAll(async () => {
  t = await startCustomerApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("creating customers", () => {
  test("a guest customer is created with a lowercased email and no account", async () => {
    const customer = await t.customers.createCustomers({ email: "  Jane.Doe@Example.COM ", first_name: "Jane" })

    expect(customer).toMatchObject({
      id: expect.stringMatching(/^cus_[0-9A-HJKMNP-TV-Z]{26}$/),
      email: "jane.doe@example.com",
      first_name: "Jane",
      last_name: null,
      phone: null,
      company_name: null,
      has_account: false,
      created_by: null,
      metadata: null,
    })
  })

  test("guests may share an email, and one registered customer may have it too", async () => {
    await t.customers.createCustomers([{ email: "a@example.com" }, { email: "a@example.com" }])
    const registered = await t.customers.createCustomers({ email: "A@example.com", has_account: true })

    expect(registered.has_account).toBe(true)
    expect(await t.customers.listCustomers({ email: "a@example.com" })).toHaveLength(3)
  })

  test("a second registered customer with an email is a duplicate_error naming it; nothing is created", async () => {
    await t.customers.createCustomers({ email: "taken@example.com", has_account: true })

    const error = await rejection(
      t.customers.createCustomers([{ email: "new@example.com", has_account: true }, { email: "TAKEN@example.com", has_account: true }]),
    )

    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("Customer with this email already has an account: taken@example.com")
    expect(await t.customers.listCustomers({ email: "new@example.com" })).toEqual([])
  })

  test("one call cannot register two customers with one email", async () => {
    const error = await rejection(
      t.customers.createCustomers([
        { email: "twin@example.com", has_account: true },
        { email: "twin@example.com", has_account: true },
      ]),
    )
    expect(error.message).toBe("Customer with this email already has an account: twin@example.com")
  })

  test("registrations racing for one email: one wins, the others get the same duplicate_error", async () => {
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map(() => t.customers.createCustomers({ email: "race@example.com", has_account: true })),
    )

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1)
    for (const result of results) {
      if (result.status === "rejected") {
        expect(result.reason).toMatchObject({
          type: AgoraError.Types.DUPLICATE_ERROR,
          message: "Customer with this email already has an account: race@example.com",
        })
      }
    }
  })

  test.each([
    [{ email: "not-an-email" }, AgoraError.Types.INVALID_DATA, `Customer: email must be an email address, got "not-an-email"`],
    [{ email: 42 }, AgoraError.Types.INVALID_DATA, `Customer: email must be an email address, got "42"`],
    [{ has_account: true }, AgoraError.Types.INVALID_DATA, "Customer: email is required for a customer with an account"],
  ])("invalid input %j fails naming the field", async (input, type, message) => {
    const error = await rejection(t.customers.createCustomers(input as never))
    expect(error.type).toBe(type)
    expect(error.message).toBe(message)
  })

  test("a customer is created with addresses; two default shipping addresses are refused", async () => {
    const customer = await t.customers.createCustomers({
      email: "c@example.com",
      addresses: [
        { address_1: "1 Main St", country_code: "US", is_default_shipping: true },
        { address_1: "2 Side St", is_default_billing: true },
      ],
    })
    expect(customer.addresses?.map((a) => [a.address_1, a.country_code, a.is_default_shipping, a.is_default_billing])).toEqual([
      ["1 Main St", "us", true, false],
      ["2 Side St", null, false, true],
    ])

    const error = await rejection(
      t.customers.createCustomers({
        email: "d@example.com",
        addresses: [{ is_default_shipping: true }, { is_default_shipping: true }],
      }),
    )
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toBe("CustomerAddress: is_default_shipping: a new customer can have only one default shipping address")
    expect(await t.customers.listCustomers({ email: "d@example.com" })).toEqual([])
  })
})

describe("the guest customer of an email", () => {
  test("is created when there is none, in one statement, its email lowercased", async () => {
    await t.customers.createCustomers({ email: "buyer@example.com", has_account: true })

    const { result, statements } = await countStatements(t.app.database, () => t.customers.findOrCreateGuest(" Buyer@Example.com"))

    expect(statements).toHaveLength(1)
    expect(result).toMatchObject({ created: true, customer: { email: "buyer@example.com", has_account: false } })
    expect(await t.customers.listCustomers({ email: "buyer@example.com" })).toHaveLength(2)
  })

  test("is found when there is one (the first created of several), and nothing is created", async () => {
    const first = await t.customers.createCustomers({ email: "buyer@example.com" })
    await t.customers.createCustomers({ email: "buyer@example.com" })
    // Created in the same millisecond or not, the first is the earlier one.
    await t.app.database.execute(`update customer set created_at = created_at - interval '1 minute' where id = ?`, [first.id])

    const { customer, created } = await t.customers.findOrCreateGuest("buyer@example.com")

    expect(created).toBe(false)
    expect(customer.id).toBe(first.id)
    expect(await t.customers.listCustomers({ email: "buyer@example.com" })).toHaveLength(2)
  })

  test("an email that is not one is refused naming it, and nothing is created", async () => {
    const error = await rejection(t.customers.findOrCreateGuest("not an email"))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("not an email")
    expect(await t.customers.listCustomers()).toEqual([])
  })
})

describe("updating customers", () => {
  test("an email update is lowercased; a guest becoming registered needs a free email", async () => {
    await t.customers.createCustomers({ email: "owner@example.com", has_account: true })
    const guest = await t.customers.createCustomers({ email: "guest@example.com" })

    expect((await t.customers.updateCustomers({ id: guest.id, email: "Guest2@Example.com" })).email).toBe("guest2@example.com")
    expect(await t.customers.updateCustomers({ id: guest.id, has_account: true })).toMatchObject({ has_account: true })

    const error = await rejection(t.customers.updateCustomers({ id: guest.id, email: "OWNER@example.com" }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("Customer with this email already has an account: owner@example.com")
    expect((await t.customers.retrieveCustomer(guest.id)).email).toBe("guest2@example.com")
  })

  test("a registered customer keeps its own email through updates; a guest with a taken email cannot register", async () => {
    const owner = await t.customers.createCustomers({ email: "me@example.com", has_account: true })
    const guest = await t.customers.createCustomers({ email: "me@example.com" })

    expect(await t.customers.updateCustomers({ id: owner.id, email: "ME@example.com", first_name: "Me" })).toMatchObject({
      email: "me@example.com",
      first_name: "Me",
    })
    const error = await rejection(t.customers.updateCustomers({ id: guest.id, has_account: true }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
  })

  test("an account can move to another customer in one call when the first gives it up", async () => {
    const owner = await t.customers.createCustomers({ email: "move@example.com", has_account: true })
    const guest = await t.customers.createCustomers({ email: "move@example.com" })

    const [released, claimed] = await t.customers.updateCustomers([
      { id: owner.id, has_account: false },
      { id: guest.id, has_account: true },
    ])
    expect(released?.has_account).toBe(false)
    expect(claimed?.has_account).toBe(true)
  })

  test("removing the email of a registered customer is refused naming the field", async () => {
    const owner = await t.customers.createCustomers({ email: "x@example.com", has_account: true })
    const error = await rejection(t.customers.updateCustomers({ id: owner.id, email: null }))
    expect(error.message).toBe("Customer: email is required for a customer with an account")
  })

  test("updates by selector; a missing customer is not_found naming the id", async () => {
    await t.customers.createCustomers([{ email: "p@example.com" }, { email: "q@example.com" }])
    const updated = await t.customers.updateCustomers({ selector: { has_account: false }, data: { company_name: "Acme" } })
    expect(updated.map((customer) => customer.company_name)).toEqual(["Acme", "Acme"])

    const error = await rejection(t.customers.updateCustomers({ id: "cus_missing", first_name: "x" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Customer with id: cus_missing was not found")
  })
})

describe("deleting and reading customers", () => {
  test("soft-deleting a customer deletes its addresses and frees its email; restoring brings both back", async () => {
    const customer = await t.customers.createCustomers({
      email: "gone@example.com",
      has_account: true,
      addresses: [{ address_1: "kept" }, { address_1: "deleted before" }],
    })
    const deletedBefore = customer.addresses?.find((a) => a.address_1 === "deleted before")
    await t.customers.softDeleteCustomerAddresses(deletedBefore!.id)

    await t.customers.softDeleteCustomers(customer.id)
    expect(await t.customers.listCustomerAddresses({ customer_id: customer.id })).toEqual([])
    const newcomer = await t.customers.createCustomers({ email: "gone@example.com", has_account: true })
    await t.customers.deleteCustomers(newcomer.id)

    await t.customers.restoreCustomers(customer.id)
    const restored = await t.customers.retrieveCustomer(customer.id, { relations: ["addresses"] })
    expect(restored.addresses?.map((a) => a.address_1)).toEqual(["kept"])
  })

  test("generated reads: search, filter, count and load addresses", async () => {
    await t.customers.createCustomers([
      { email: "ann@example.com", first_name: "Ann", has_account: true },
      { email: "bob@example.com", first_name: "Bob", addresses: [{ city: "Oslo" }] },
      { email: "cat@shop.test", company_name: "Example Ltd" },
    ])

    const [found, count] = await t.customers.listAndCountCustomers({ q: "example" }, { order: { email: "ASC" } })
    expect(count).toBe(3)
    expect(found.map((c) => c.email)).toEqual(["ann@example.com", "bob@example.com", "cat@shop.test"])
    expect((await t.customers.listCustomers({ has_account: true })).map((c) => c.first_name)).toEqual(["Ann"])
    const [bob] = await t.customers.listCustomers({ first_name: "Bob" }, { relations: ["addresses"] })
    expect(bob?.addresses?.map((a) => a.city)).toEqual(["Oslo"])
  })
})
