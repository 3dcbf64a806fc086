/** A provider whose answers a session's data scripts (`{ authorize: "error" }`, `{ fail: "authorize" }`). */
export const SCRIPTED_PROVIDER = "pp_scripted_test"
export const SYSTEM_PROVIDER = "pp_system_default"

/**
 * Every module a checkout touches (the test app's defaults first); the payment module also offers the
 * scripted provider. Kept free of test-runner imports: a child process boots the app with it.
 */
export const CHECKOUT_MODULES = [
  ...["user", "auth", "brand", "product", "pricing", "inventory", "stock-location", "region", "sales-channel", "customer", "cart", "order", "fulfillment"].map(
    (name) => ({ resolve: `./src/modules/${name}` }),
  ),
  {
    resolve: "./src/modules/payment",
    options: { providers: [{ resolve: "./test/modules/payment/fixtures/scripted-provider.ts", id: "test" }] },
  },
]
