import path from "node:path"
import { createContainer } from "awilix"
import { describe, expect, test } from "vitest"
import { loadProjectLoaders } from "../../../src/framework/app/loaders.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/loaders")

describe("loadProjectLoaders", () => {
  test("loads a folder's loaders in file name order; each runs with the container it is given", async () => {
    const loaders = await loadProjectLoaders(path.join(FIXTURES, "valid"))
    expect(loaders.map((loader) => loader.name)).toEqual(["a-first", "b-second"])

    const container = createContainer()
    for (const loader of loaders) await loader.run(container)
    expect(container.resolve("loadersRun")).toEqual(["a-first", "b-second"])
  })

  test("a folder that does not exist has no loaders", async () => {
    expect(await loadProjectLoaders(path.join(FIXTURES, "absent"))).toEqual([])
  })

  test("a file without a default function is refused, naming it", async () => {
    await expect(loadProjectLoaders(path.join(FIXTURES, "invalid"))).rejects.toThrow(
      `Loader ${path.join("invalid", "no-default.ts")} must export a default async function (container)`,
    )
  })

  test("the project's own loaders: the store defaults", async () => {
    const loaders = await loadProjectLoaders(path.join(PROJECT_ROOT, "src", "loaders"))
    expect(loaders.map((loader) => loader.name)).toEqual(["create-defaults"])
  })
})
