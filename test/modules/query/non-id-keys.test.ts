import { afterAll, beforeAll, expect, test } from "vitest"
import type { Query } from "../../../src/framework/modules/index.ts"
import { DEFAULT_MODULES, startTestApp, type TestApp } from "../../setup/test-app.ts"

let t: TestApp
let query: Query

beforeAll(async () => {
  t = await startTestApp({ modules: [...DEFAULT_MODULES, { resolve: "./src/modules/region" }] })
  query = t.app.container.resolve<Query>("query")
})
afterAll(() => t?.close())

test("relations to a model keyed by something other than id resolve both ways (a region's countries, keyed by iso_2)", async () => {
  const regions = t.app.container.resolve<{ createRegions(input: unknown): Promise<{ id: string }> }>("region")
  const region = await regions.createRegions({ name: "North America", currency_code: "usd", countries: ["us", "ca"] })

  const { data } = await query.graph<{ id: string; countries: { iso_2: string; region_id: string }[] }>({
    entity: "region",
    fields: ["id", "name", "countries.iso_2", "countries.region_id"],
    filters: { id: region.id },
  })
  expect(data).toEqual([
    expect.objectContaining({
      id: region.id,
      countries: [
        { iso_2: "ca", region_id: region.id },
        { iso_2: "us", region_id: region.id },
      ],
    }),
  ])

  const { data: countries } = await query.graph<{ iso_2: string; region: { id: string } | null }>({
    entity: "country",
    fields: ["iso_2", "region.id"],
    filters: { iso_2: ["us", "fr"] },
  })
  expect(countries).toEqual([
    { iso_2: "fr", region: null },
    { iso_2: "us", region: { id: region.id } },
  ])
})
