import { afterAll, beforeAll, expect, test } from "vitest"
import { startTestApp, type TestApp } from "../../setup/test-app.ts"

let t: TestApp
beforeAll(async () => {
  t = await startTestApp({ modules: [] })
})
afterAll(() => t?.close())

test("a unit of work has one EntityManager, made when first asked for; outside one each call gets its own", async () => {
  const { database } = t.app
  const [first, second] = await database.unitOfWork(async () => {
    await new Promise((resolve) => setImmediate(resolve))
    const em = database.em()
    await new Promise((resolve) => setImmediate(resolve))
    return [em, database.em()]
  })
  expect(first).toBe(second)
  expect(first).not.toBe(database.orm.em)

  const [other] = await database.unitOfWork(async () => [database.em()])
  expect(other).not.toBe(first)
  expect(database.em()).not.toBe(database.em())
})

test("inside a transaction the transaction's EntityManager is the one given, in a unit of work or not", async () => {
  const { database } = t.app
  await database.unitOfWork(() =>
    database.transaction(async (em) => {
      expect(database.em()).toBe(em)
    }),
  )
})
