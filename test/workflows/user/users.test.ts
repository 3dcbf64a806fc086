import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { updateUsersWorkflow } from "../../../src/workflows/user/index.ts"
import { failureMessage, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { tableState } from "../fulfillment/table-state.ts"
import type { UserModuleService } from "../../../src/modules/user/index.ts"

let t: CommerceApp
let users: UserModuleService
beforeAll(async () => {
  t = await startCommerceApp()
  users = t.container.resolve<UserModuleService>("user")
})
afterAll(() => t?.close())

describe("updateUsersWorkflow", () => {
  test("changes a user's name and avatar", async () => {
    const user = await users.createUsers({ email: "ada@example.com" })
    const { result } = await updateUsersWorkflow(t.container).run({ input: { updates: [{ id: user.id, first_name: "Ada", avatar_url: "https://x/a.png" }] } })
    expect(result[0]).toMatchObject({ email: "ada@example.com", first_name: "Ada", last_name: null, avatar_url: "https://x/a.png" })
  })

  test("an unknown user is not_found; a failure after the update puts the values back", async () => {
    expect(await workflowFailure(updateUsersWorkflow(t.container).run({ input: { updates: [{ id: "user_missing", first_name: "X" }] } }))).toMatchObject({
      type: "not_found",
      message: "User with id: user_missing was not found",
    })
    const user = await users.createUsers({ email: "bob@example.com", first_name: "Bob" })
    const before = await tableState(t, ["user"])
    await failureMessage(updateUsersWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { updates: [{ id: user.id, first_name: "Robert" }] } }))
    expect(await tableState(t, ["user"])).toEqual(before)
  })
})
