import { afterEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import ScriptedPaymentProvider from "./fixtures/scripted-provider.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startPaymentApp } from "./payment-app.ts"
import type { PaymentApp } from "./payment-app.ts"

let t: PaymentApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe("payment providers", () => {
  test("with no providers configured, only the system provider is listed, enabled", async () => {
    t = await startPaymentApp({})

    expect(await t.payment.listPaymentProviders()).toEqual([
      expect.objectContaining({ id: "pp_system_default", is_enabled: true }),
    ])
    expect(await t.rows("select id, is_enabled from payment_provider")).toEqual([{ id: "pp_system_default", is_enabled: true }])
  })

  test("configured providers, given as a class or as a file, are registered as pp_<identifier>_<id>", async () => {
    t = await startPaymentApp({
      providers: [
        { resolve: ScriptedPaymentProvider, id: "eu", options: { label: "Europe" } },
        { resolve: "./test/modules/payment/fixtures/scripted-provider.ts", id: "test" },
      ],
    })

    const providers = await t.payment.listPaymentProviders({}, { order: { id: "ASC" } })
    expect(providers.map((p) => [p.id, p.is_enabled])).toEqual([
      ["pp_scripted_eu", true],
      [SCRIPTED_PROVIDER_ID, true],
      ["pp_system_default", true],
    ])
    expect(await t.payment.listAndCountPaymentProviders({ id: ["pp_scripted_eu"] })).toEqual([
      [expect.objectContaining({ id: "pp_scripted_eu" })],
      1,
    ])

    const collection = await t.payment.createPaymentCollections({ currency_code: "eur", amount: 5 })
    const session = await t.payment.createPaymentSession(collection.id, { provider_id: "pp_scripted_eu" })
    expect(session.data).toMatchObject({ label: "Europe" })
  })

  test("a provider no longer configured stays listed but disabled, and sessions cannot use it", async () => {
    t = await startPaymentApp({})
    await t.rows("insert into payment_provider (id, is_enabled) values ('pp_old_gone', true)")

    const providers = await t.payment.listPaymentProviders({}, { order: { id: "ASC" } })
    expect(providers.map((p) => [p.id, p.is_enabled])).toEqual([
      ["pp_old_gone", false],
      ["pp_system_default", true],
    ])
    expect(await t.payment.listPaymentProviders({ is_enabled: true })).toHaveLength(1)
    const collection = await t.payment.createPaymentCollections({ currency_code: "eur", amount: 5 })
    const error = await rejection(t.payment.createPaymentSession(collection.id, { provider_id: "pp_old_gone" }))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  })

  test("retrievePaymentProvider finds the system provider and names an unknown id", async () => {
    t = await startPaymentApp({})
    expect(await t.payment.retrievePaymentProvider("pp_system_default")).toMatchObject({ is_enabled: true })
    const error = await rejection(t.payment.retrievePaymentProvider("pp_nope"))
    expect([error.type, error.message]).toEqual([AgoraError.Types.NOT_FOUND, "PaymentProvider with id: pp_nope was not found"])
  })

  test("bad provider options fail with a message naming the option", async () => {
    t = await startPaymentApp({ providers: [{ resolve: class NoIdentifier {}, id: "x" }] })
    await expect(t.payment.listPaymentProviders()).rejects.toThrow(
      "payment module options: providers.0.resolve must be a file to import or a payment provider class with a static identifier",
    )
  })
})
