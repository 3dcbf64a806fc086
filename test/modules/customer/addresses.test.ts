import { afterAll, beforeAll, beforeEach, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection } from "../../framework/modules/blog-app.ts"
import { startCustomerApp } from "./customer-app.ts"
import type { CustomerApp } from "./customer-app.ts"

let t: CustomerApp
let customerId: string
beforeAll(async () => {
  t = await startCustomerApp()
})
afterAll(() => t.close())
beforeEach(async () => {
  await t.reset()
  customerId = (await t.customers.createCustomers({ email: "addr@example.com", has_account: true })).id
})

/** The customer's addresses as `name:flags`, S for default shipping and B for default billing. */
async function defaults(id = customerId): Promise<string[]> {
  const addresses = await t.customers.listCustomerAddresses({ customer_id: id }, { order: { address_name: "ASC" } })
  return addresses.map((a) => `${a.address_name}:${a.is_default_shipping ? "S" : ""}${a.is_default_billing ? "B" : ""}`)
}

test("an address is created with a cuaddr_ id, its country code lowercased, not a default", async () => {
  const address = await t.customers.createCustomerAddresses({
    customer_id: customerId,
    address_name: "home",
    first_name: "Jane",
    address_1: "1 Main St",
    city: "Springfield",
    country_code: "US",
    postal_code: "12345",
  })

  expect(address).toMatchObject({
    id: expect.stringMatching(/^cuaddr_[0-9A-HJKMNP-TV-Z]{26}$/),
    customer_id: customerId,
    country_code: "us",
    is_default_shipping: false,
    is_default_billing: false,
    company: null,
    metadata: null,
  })
})

test("a new default shipping address takes over from the old one; the billing default is untouched", async () => {
  await t.customers.createCustomerAddresses([
    { customer_id: customerId, address_name: "a", is_default_shipping: true, is_default_billing: true },
    { customer_id: customerId, address_name: "b" },
  ])

  await t.customers.createCustomerAddresses({ customer_id: customerId, address_name: "c", is_default_shipping: true })

  expect(await defaults()).toEqual(["a:B", "b:", "c:S"])
})

test("making an address the default billing one by update unsets the old default", async () => {
  const [a, b] = await t.customers.createCustomerAddresses([
    { customer_id: customerId, address_name: "a", is_default_billing: true },
    { customer_id: customerId, address_name: "b" },
  ])

  const updated = await t.customers.updateCustomerAddresses({ id: b!.id, is_default_billing: true, city: "Paris" })

  expect(updated).toMatchObject({ is_default_billing: true, city: "Paris" })
  expect(await defaults()).toEqual(["a:", "b:B"])
  // Making the default the default again changes nothing.
  await t.customers.updateCustomerAddresses({ id: b!.id, is_default_billing: true })
  expect(await defaults()).toEqual(["a:", "b:B"])
  expect((await t.customers.updateCustomerAddresses({ id: a!.id, is_default_billing: false })).is_default_billing).toBe(false)
})

test("defaults of one customer do not touch another's", async () => {
  const other = await t.customers.createCustomers({ email: "other@example.com" })
  await t.customers.createCustomerAddresses({ customer_id: other.id, address_name: "theirs", is_default_shipping: true })

  await t.customers.createCustomerAddresses({ customer_id: customerId, address_name: "mine", is_default_shipping: true })

  expect(await defaults(other.id)).toEqual(["theirs:S"])
  expect(await defaults()).toEqual(["mine:S"])
})

test("one call making two addresses of a customer its default is invalid_data, and changes nothing", async () => {
  await t.customers.createCustomerAddresses({ customer_id: customerId, address_name: "old", is_default_shipping: true })

  const error = await rejection(
    t.customers.createCustomerAddresses([
      { customer_id: customerId, address_name: "x", is_default_shipping: true },
      { customer_id: customerId, address_name: "y", is_default_shipping: true },
    ]),
  )

  expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
  expect(error.message).toBe(`CustomerAddress: is_default_shipping: customer ${customerId} can have only one default shipping address`)
  expect(await defaults()).toEqual(["old:S"])
})

test("a selector update making several addresses of a customer default is refused", async () => {
  await t.customers.createCustomerAddresses([
    { customer_id: customerId, address_name: "a" },
    { customer_id: customerId, address_name: "b" },
  ])
  const error = await rejection(
    t.customers.updateCustomerAddresses({ selector: { customer_id: customerId }, data: { is_default_billing: true } }),
  )
  expect(error.message).toBe(`CustomerAddress: is_default_billing: customer ${customerId} can have only one default billing address`)

  const renamed = await t.customers.updateCustomerAddresses({ selector: { customer_id: customerId }, data: { city: "Rome" } })
  expect(renamed.map((a) => a.city)).toEqual(["Rome", "Rome"])
})

test("an address of a missing customer is not_found; one without customer_id is invalid_data", async () => {
  const missing = await rejection(t.customers.createCustomerAddresses({ customer_id: "cus_missing", address_1: "x" }))
  expect(missing.type).toBe(AgoraError.Types.NOT_FOUND)
  expect(missing.message).toBe("Customer with id: cus_missing was not found")

  const noCustomer = await rejection(t.customers.createCustomerAddresses({ address_1: "x" } as never))
  expect(noCustomer.type).toBe(AgoraError.Types.INVALID_DATA)
  expect(noCustomer.message).toBe("CustomerAddress: customer_id is required")
})

test("concurrent new defaults for one customer all succeed and leave exactly one default", async () => {
  await Promise.all(
    ["a", "b", "c", "d", "e"].map((name) =>
      t.customers.createCustomerAddresses({ customer_id: customerId, address_name: name, is_default_shipping: true }),
    ),
  )

  const shipping = (await defaults()).filter((entry) => entry.endsWith("S"))
  expect(shipping).toHaveLength(1)
  expect(await defaults()).toHaveLength(5)
})

test("the database itself refuses a second default shipping address", async () => {
  await t.customers.createCustomerAddresses({ customer_id: customerId, is_default_shipping: true })

  const insert = t.app.database.execute(
    `insert into customer_address (id, customer_id, is_default_shipping) values ('cuaddr_raw', ?, true)`,
    [customerId],
  )
  await expect(insert).rejects.toThrow(/IDX_customer_address_default_shipping_unique/)
})

test("deleting a customer deletes its addresses", async () => {
  await t.customers.createCustomerAddresses({ customer_id: customerId, address_name: "a" })
  await t.customers.deleteCustomers(customerId)
  expect(await t.customers.listCustomerAddresses({}, { withDeleted: true })).toEqual([])
})
