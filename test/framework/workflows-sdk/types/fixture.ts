/*
 * Compiled by `tsc --noEmit` (see ../types.test.ts), never run. Every `@ts-expect-error` line must
 * fail to compile, or tsc reports the directive as unused; every `Expect<Equal<...>>` must hold.
 */
import type { AwilixContainer } from "awilix"
import {
  createHook,
  createStep,
  createWorkflow,
  parallelize,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
  type StepOutput,
  type WorkflowData,
} from "../../../../src/framework/workflows-sdk/index.ts"

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Expect<T extends true> = T

type Cart = { id: string; gift?: boolean; items: { sku: string; qty: number }[] }
type Reservation = { id: string; skus: string[] }
type Inventory = { reserve(lines: { sku: string; qty: number }[]): Reservation; release(id: string): void }

const getCartStep = createStep("get-cart", async (cartId: string) => new StepResponse<Cart>({ id: cartId, items: [] }))

const reserveStep = createStep(
  { name: "reserve", maxRetries: 3, retryInterval: 1 },
  async (lines: { sku: string; qty: number }[], { container }) => {
    const reservation = container.resolve<Inventory>("inventory").reserve(lines)
    return new StepResponse(reservation, reservation.id)
  },
  async (reservationId, { container }) => {
    type _compensationInput = Expect<Equal<typeof reservationId, string | undefined>>
    if (reservationId !== undefined) container.resolve<Inventory>("inventory").release(reservationId)
  },
)

const authorizeStep = createStep("authorize", async (cart: Cart) => new StepResponse({ paymentId: `pay_${cart.id}`, amount: 10 }))
const giftWrapStep = createStep("gift-wrap", async (cart: Cart) => new StepResponse(`wrapped ${cart.id}`))
const noInputStep = createStep("no-input", async () => new StepResponse(42))
const createOrderStep = createStep("create-order", async (input: { cart: Cart; payment: { paymentId: string } }) =>
  new StepResponse({ orderId: `order_${input.cart.id}`, paymentId: input.payment.paymentId }),
)

export const placeOrderWorkflow = createWorkflow("place-order", (input: WorkflowData<{ cartId: string; note?: string }>) => {
  const cartId = input.cartId
  type _propertyOfInput = Expect<Equal<typeof cartId, WorkflowData<string>>>
  const note = input.note
  type _optionalProperty = Expect<Equal<typeof note, WorkflowData<string | undefined>>>

  const cart = getCartStep(input.cartId)
  const firstSku = cart.items
  type _propertyOfOutput = Expect<Equal<typeof firstSku, WorkflowData<{ sku: string; qty: number }[]>>>

  const lines = transform({ cart }, ({ cart }) => {
    type _resolvedInTransform = Expect<Equal<typeof cart, Cart>>
    return cart.items.map((item) => ({ sku: item.sku, qty: item.qty }))
  })
  const [reservation, payment] = parallelize(reserveStep(lines), authorizeStep(cart))
  type _parallelOutputs = Expect<Equal<typeof payment, ReturnType<typeof authorizeStep>>>

  const wrapped = when("gift-wrap", { cart }, ({ cart }) => cart.gift).then(() => giftWrapStep(cart))
  type _whenResult = Expect<Equal<typeof wrapped, WorkflowData<string | undefined>>>

  const answer = noInputStep()
  const renamed = getCartStep(input.cartId).config({ name: "get-cart-again" })
  type _configKeepsType = Expect<Equal<typeof renamed, WorkflowData<Cart>>>

  const orderCreated = createHook("orderCreated", { cart, reservation, answer })
  const order = createOrderStep({ cart, payment })
  return new WorkflowResponse({ order, wrapped }, { hooks: [orderCreated] })
})

placeOrderWorkflow.hooks.orderCreated(
  async ({ cart, reservation, answer }, { container }) => {
    type _hookInput = Expect<Equal<typeof cart, Cart>>
    type _hookReservation = Expect<Equal<typeof reservation, Reservation>>
    type _hookAnswer = Expect<Equal<typeof answer, number>>
    const _container: AwilixContainer = container
    return new StepResponse(cart.id, reservation.id)
  },
  async (reservationId) => {
    type _hookCompensation = Expect<Equal<typeof reservationId, string | undefined>>
  },
)

export async function runIt(container: AwilixContainer) {
  const { result } = await placeOrderWorkflow(container).run({ input: { cartId: "cart_1" } })
  type _result = Expect<Equal<typeof result, { order: { orderId: string; paymentId: string }; wrapped: string | undefined }>>

  const lenient = await placeOrderWorkflow(container).run({ input: { cartId: "cart_1" }, throwOnError: false })
  type _lenientResult = Expect<Equal<typeof lenient.result, { order: { orderId: string; paymentId: string }; wrapped: string | undefined } | undefined>>

  const viaStatic = await placeOrderWorkflow.run({ container, input: { cartId: "cart_1" }, transactionId: "tx" })
  type _staticResult = Expect<Equal<typeof viaStatic.result, typeof result>>

  // @ts-expect-error the input is required
  await placeOrderWorkflow(container).run()
  // @ts-expect-error cartId must be a string
  await placeOrderWorkflow(container).run({ input: { cartId: 1 } })
  // @ts-expect-error unknown input property
  await placeOrderWorkflow(container).run({ input: { cartId: "c", coupon: "x" } })
}

// @ts-expect-error only hooks returned by the workflow can be registered
placeOrderWorkflow.hooks.orderPlaced(async () => {})

placeOrderWorkflow.hooks.orderCreated(async (input) => {
  // @ts-expect-error the hook's input has no such property
  return new StepResponse(input.customer)
})

export const wrongInputs = createWorkflow("wrong-inputs", (input: WorkflowData<{ cartId: string; count: number }>) => {
  // @ts-expect-error a number placeholder where a string is expected
  getCartStep(input.count)
  // @ts-expect-error a plain value of the wrong type
  getCartStep(42)
  // @ts-expect-error the step needs its input
  getCartStep()
  const cart = getCartStep(input.cartId)
  // @ts-expect-error the object misses `payment`
  createOrderStep({ cart })
  // @ts-expect-error placeholders are not the values they stand for
  const plain: string = input.cartId
  const maybeWrapped = when({ cart }, ({ cart }) => cart.gift).then(() => giftWrapStep(cart))
  const needsString = createStep("needs-string", async (value: string) => new StepResponse(value.length))
  // @ts-expect-error a when() result may be undefined
  needsString(maybeWrapped)
  transform({ cart }, ({ cart }) => {
    // @ts-expect-error transform sees the resolved Cart, which has no `total`
    return cart.total
  })
  when({ cart }, ({ cart }) => {
    // @ts-expect-error the condition sees the resolved Cart
    return cart.missing
  })
  // @ts-expect-error a hook name is a string
  createHook(42, {})
  return new WorkflowResponse(plain)
})

const childWorkflow = createWorkflow("child", (input: WorkflowData<{ sku: string }>) => new WorkflowResponse(getCartStep(input.sku)))

export const parentWorkflow = createWorkflow("parent", (input: WorkflowData<{ sku: string }>) => {
  const childCart = childWorkflow.runAsStep({ input: { sku: input.sku } })
  type _nestedResult = Expect<Equal<typeof childCart, ReturnType<typeof getCartStep>>>
  // @ts-expect-error the nested workflow's input is checked
  childWorkflow.runAsStep({ input: { sku: 1 } })
  return new WorkflowResponse(childCart.id)
})

export async function runParent(container: AwilixContainer) {
  const { result } = await parentWorkflow(container).run({ input: { sku: "tee" } })
  type _parentResult = Expect<Equal<typeof result, string>>
}

export const noInputWorkflow = createWorkflow("no-input-workflow", () => new WorkflowResponse(noInputStep()))
const emptyResponseStep = createStep("empty-response", async () => new StepResponse())
export const noResultWorkflow = createWorkflow("no-result", () => {
  const nothing = emptyResponseStep()
  type _emptyResponse = Expect<Equal<typeof nothing, StepOutput<undefined>>>
})

export async function runNoInput(container: AwilixContainer) {
  const { result } = await noInputWorkflow(container).run()
  type _noInputResult = Expect<Equal<typeof result, number>>
  const nothing = await noResultWorkflow(container).run()
  type _noResult = Expect<Equal<typeof nothing.result, undefined>>
}

// The application's container may declare its cradle: it runs workflows all the same.
export async function runWithTypedContainer(container: AwilixContainer<{ inventory: Inventory }>) {
  await noInputWorkflow(container).run()
  await noInputWorkflow(container.createScope()).run()
}
