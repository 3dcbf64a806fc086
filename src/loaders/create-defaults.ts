import type { AgoraContainer } from "../framework/container/index.ts"
import { SALES_CHANNEL_MODULE } from "../modules/sales-channel/index.ts"
import { STORE_MODULE } from "../modules/store/index.ts"
import { createDefaultsWorkflow } from "../workflows/defaults/index.ts"

/** At every start: the store and its default sales channel exist (created once, kept after). */
export default async function createDefaults(container: AgoraContainer): Promise<void> {
  // A project that leaves the store or sales channel module out has no defaults to create.
  if (!container.hasRegistration(STORE_MODULE) || !container.hasRegistration(SALES_CHANNEL_MODULE)) return
  await createDefaultsWorkflow(container).run()
}
