import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import type { CustomerModuleService } from "../../../src/modules/customer/index.ts"

export type CustomerApp = TestApp & { customers: CustomerModuleService; reset(): Promise<void> }

export async function startCustomerApp(): Promise<CustomerApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/customer" }] })
  return {
    ...t,
    customers: t.app.container.resolve<CustomerModuleService>("customer"),
    reset: async () => {
      await t.app.database.execute("delete from customer")
    },
  }
}
