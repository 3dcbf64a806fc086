import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import { acquireLockStep } from "../../cart/steps/acquire-lock.ts"
import { releaseLockStep } from "../../cart/steps/release-lock.ts"
import { emitEventStep } from "../../common/index.ts"
import { SalesChannelEvents } from "../../sales-channel/events.ts"
import { StoreEvents } from "../../store/events.ts"
import { createDefaultSalesChannelStep } from "../steps/create-default-sales-channel.ts"
import { createDefaultStoreStep } from "../steps/create-default-store.ts"

export const DEFAULT_SALES_CHANNEL_NAME = "Default Sales Channel"
export const DEFAULT_STORE_NAME = "Agora Store"

/** Processes starting together take turns: the second finds what the first created. */
const LOCK_KEY = "create-defaults"
const LOCK_TIMEOUT = 30

export const createDefaultsWorkflowId = "create-defaults"

/**
 * What a new installation needs before an admin can set anything up: a store selling in usd whose
 * default sales channel is "Default Sales Channel". Idempotent: what exists is kept, only what is
 * missing is created. Returns the store.
 */
export const createDefaultsWorkflow = createWorkflow(createDefaultsWorkflowId, () => {
  acquireLockStep({ key: LOCK_KEY, timeout: LOCK_TIMEOUT })
  const channel = createDefaultSalesChannelStep({ name: DEFAULT_SALES_CHANNEL_NAME, description: "Created by Agora" })
  const store = createDefaultStoreStep(
    transform({ channel }, ({ channel }) => ({
      store: {
        name: DEFAULT_STORE_NAME,
        supported_currencies: [{ currency_code: "usd", is_default: true }],
        default_sales_channel_id: channel.channel.id,
      },
    })),
  )
  emitEventStep(
    transform({ channel, store }, ({ channel, store }) => [
      ...(channel.created ? [{ name: SalesChannelEvents.CREATED, data: { id: channel.channel.id } }] : []),
      ...(store.created ? [{ name: StoreEvents.CREATED, data: { id: store.store.id } }] : []),
    ]),
  )
  releaseLockStep({ key: LOCK_KEY })
  return new WorkflowResponse(transform({ store }, ({ store }) => store.store))
})
