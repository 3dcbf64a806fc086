import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import type { RegionModuleService } from "../../../src/modules/region/index.ts"

export type RegionApp = TestApp & {
  regions: RegionModuleService
  /** Removes every region and frees every country, keeping the seeded countries. */
  reset(): Promise<void>
}

export async function startRegionApp(): Promise<RegionApp> {
  const t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/region" }] })
  return {
    ...t,
    regions: t.app.container.resolve<RegionModuleService>("region"),
    reset: async () => {
      await t.app.database.execute(`update region_country set region_id = null`)
      await t.app.database.execute(`delete from region`)
    },
  }
}
