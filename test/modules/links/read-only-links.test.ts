import { afterAll, beforeAll, expect, test } from "vitest"
import { countStatements } from "../../setup/count-statements.ts"
import { startLinksApp } from "./links-app.ts"
import type { LinksApp } from "./links-app.ts"

let t: LinksApp
beforeAll(async () => {
  t = await startLinksApp()
})
afterAll(() => t.close())

type CartRead = {
  region: { name: string; countries: { iso_2: string }[] } | null
  customer: { email: string; has_account: boolean } | null
  items: { product: { title: string } | null; variant: { title: string; sku: string | null } | null }[]
}

const CART_FIELDS = ["region.name", "region.countries.iso_2", "customer.email", "customer.has_account", "items.product.title", "items.variant.title", "items.variant.sku"]

async function cartWithEverything(country: string) {
  const region = await t.regions.createRegions({ name: "Nordics", currency_code: "eur", countries: [country] })
  const customer = await t.customers.createCustomers({ email: `reader${Date.now()}@example.com` })
  const product = await t.products.createProducts({ title: `Lamp ${country}`, variants: [{ title: "Brass", sku: `LAMP-${Date.now()}` }] })
  const variant = product.variants![0]!
  const cart = await t.carts.createCarts({
    currency_code: "eur",
    region_id: region.id,
    customer_id: customer.id,
    items: [{ title: "Lamp", quantity: 1, unit_price: 30, product_id: product.id, variant_id: variant.id }],
  })
  return { cart, region, customer, product, variant }
}

test("a cart reads its region, customer and lines' products and variants through its columns, in one statement", async () => {
  const { cart, customer, variant } = await cartWithEverything("fi")

  const { result, statements } = await countStatements(t.app.database, () =>
    t.query.graph<CartRead>({ entity: "cart", fields: CART_FIELDS, filters: { id: cart.id } }),
  )

  expect(statements).toHaveLength(1)
  expect(result.data[0]).toMatchObject({
    region: { name: "Nordics", countries: [{ iso_2: "fi" }] },
    customer: { email: customer.email, has_account: false },
    items: [{ product: { title: "Lamp fi" }, variant: { title: "Brass", sku: variant.sku } }],
  })
})

test("a record that is gone, or a column that names none, reads as null; filters reach through the link", async () => {
  const { cart, customer, product } = await cartWithEverything("se")
  await t.customers.softDeleteCustomers(customer.id)
  await t.products.softDeleteProducts(product.id)
  const empty = await t.carts.createCarts({ currency_code: "eur" })

  const { data } = await t.query.graph<CartRead & { id: string }>({ entity: "cart", fields: ["id", ...CART_FIELDS], filters: { id: [cart.id, empty.id] } })
  const byId = new Map(data.map((row) => [row.id, row]))
  expect(byId.get(cart.id)).toMatchObject({ customer: null, items: [{ product: null }] })
  expect(byId.get(empty.id)).toMatchObject({ region: null, customer: null, items: [] })

  const inNordics = await t.query.graph({ entity: "cart", fields: ["id"], filters: { id: [cart.id, empty.id], region: { name: "Nordics" } } })
  expect(inNordics.data).toEqual([{ id: cart.id }])
})

test("an order reads its region, customer, sales channel and lines' variants through its columns, in one statement", async () => {
  const { region, customer, variant } = await cartWithEverything("no")
  const channel = await t.channels.createSalesChannels({ name: `Shop ${Date.now()}` })
  const order = await t.orders.createOrders({
    currency_code: "eur",
    region_id: region.id,
    customer_id: customer.id,
    sales_channel_id: channel.id,
    email: customer.email,
    items: [{ title: "Lamp", quantity: 1, unit_price: 30, variant_id: variant.id }],
  })

  const { result, statements } = await countStatements(t.app.database, () =>
    t.query.graph({
      entity: "order",
      fields: ["region.name", "customer.email", "sales_channel.name", "items.variant.sku", "items.variant.product.title"],
      filters: { id: order.id },
    }),
  )

  expect(statements).toHaveLength(1)
  expect(result.data[0]).toMatchObject({
    region: { name: "Nordics" },
    customer: { email: customer.email },
    sales_channel: { name: channel.name },
    items: [{ variant: { sku: variant.sku, product: { title: "Lamp no" } } }],
  })
})
