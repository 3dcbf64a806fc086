import { performance } from "node:perf_hooks"
import type { sequentialClient } from "./lib.ts"

type Json = Record<string, any>
type Client = ReturnType<typeof sequentialClient>

/** The requests of one checkout, in order. */
export const CHECKOUT_STEPS = [
  "createCart",
  "addItem",
  "updateCart",
  "listShippingOptions",
  "addShippingMethod",
  "createPaymentCollection",
  "createPaymentSession",
  "complete",
] as const
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number]

const US_ADDRESS = {
  first_name: "Ada",
  last_name: "Lovelace",
  address_1: "1 Main Street",
  city: "Springfield",
  postal_code: "12345",
  province: "il",
  country_code: "us",
  phone: "555-0100",
}

/** Where a checkout runs: a seeded store's key, its USD region and a page of its products (with variants). */
export type CheckoutStore = { client: Client; publishableKey: string; regionId: string; products: Json[] }

/**
 * The checkout of API.md §9, one request after the other, each timed from send to last byte. Run
 * `run` buys the small size of one product of the page and the medium size of the next.
 */
export async function checkoutFlow(store: CheckoutStore, run: number): Promise<Record<CheckoutStep, number>> {
  const storeHeaders = { "x-publishable-api-key": store.publishableKey }
  const send = async (method: "GET" | "POST", pathname: string, body?: unknown): Promise<{ ms: number; json: Json }> => {
    const headers = body === undefined ? storeHeaders : { ...storeHeaders, "content-type": "application/json" }
    const started = performance.now()
    const { status, text } = await store.client.send(method, pathname, headers, body === undefined ? undefined : JSON.stringify(body))
    const ms = performance.now() - started
    if (status !== 200) throw new Error(`${method} ${pathname} answered ${status}: ${text.slice(0, 500)}`)
    return { ms, json: JSON.parse(text) as Json }
  }
  const variantOf = (index: number, title: string): string => {
    const variants = store.products[index % store.products.length]!.variants as Json[]
    return (variants.find((variant) => variant.title === title) ?? variants[0]!).id as string
  }

  const times = {} as Record<CheckoutStep, number>
  const created = await send("POST", "/store/carts", { region_id: store.regionId, items: [{ variant_id: variantOf(run, "S"), quantity: 1 }] })
  times.createCart = created.ms
  const cartId = created.json.cart.id as string
  times.addItem = (await send("POST", `/store/carts/${cartId}/line-items`, { variant_id: variantOf(run + 1, "M"), quantity: 1 })).ms
  times.updateCart = (await send("POST", `/store/carts/${cartId}`, { email: `shopper${run}@example.com`, shipping_address: US_ADDRESS })).ms
  const options = await send("GET", `/store/shipping-options?cart_id=${cartId}`)
  times.listShippingOptions = options.ms
  const optionId = (options.json.shipping_options as Json[])[0]?.id as string | undefined
  if (!optionId) throw new Error(`no shipping option for cart ${cartId}`)
  times.addShippingMethod = (await send("POST", `/store/carts/${cartId}/shipping-methods`, { option_id: optionId })).ms
  const collection = await send("POST", "/store/payment-collections", { cart_id: cartId })
  times.createPaymentCollection = collection.ms
  const collectionId = collection.json.payment_collection.id as string
  times.createPaymentSession = (await send("POST", `/store/payment-collections/${collectionId}/payment-sessions`, { provider_id: "pp_system_default" })).ms
  const completed = await send("POST", `/store/carts/${cartId}/complete`)
  times.complete = completed.ms
  if (completed.json.type !== "order") throw new Error(`cart ${cartId} was not completed: ${JSON.stringify(completed.json).slice(0, 500)}`)
  return times
}

/** Total time of each flow. */
export function flowTotals(runs: readonly Record<CheckoutStep, number>[]): number[] {
  return runs.map((times) => CHECKOUT_STEPS.reduce((sum, step) => sum + times[step], 0))
}
