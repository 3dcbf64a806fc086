import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { createAdminUser, verifyPassword } from "../../../src/framework/auth/index.ts"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { AUTH_MODULE } from "../../../src/modules/auth/index.ts"
import type { AuthModuleService } from "../../../src/modules/auth/index.ts"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp

beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.app.database.execute('delete from "provider_identity"; delete from "auth_identity"; delete from "user"')
})

async function rows() {
  const db = t.app.database
  return {
    users: await db.execute<{ id: string; email: string }>('select id, email from "user"'),
    identities: await db.execute<{ id: string; app_metadata: Record<string, unknown> }>(
      'select id, app_metadata from "auth_identity"',
    ),
    providers: await db.execute<{ provider: string; entity_id: string; provider_metadata: { password: string }; auth_identity_id: string }>(
      'select provider, entity_id, provider_metadata, auth_identity_id from "provider_identity"',
    ),
  }
}

const create = (email: string, password = "secret-password") => createAdminUser(t.app.container, t.app.database, { email, password })

describe("createAdminUser", () => {
  test("creates a user and an emailpass identity linked to it, with the password hashed", async () => {
    const user = await create("  Admin@Example.com ", "pa55word")
    expect(user).toMatchObject({ id: expect.stringMatching(/^user_/), email: "admin@example.com" })

    const { users, identities, providers } = await rows()
    expect(users).toEqual([{ id: user.id, email: "admin@example.com" }])
    expect(identities).toEqual([{ id: expect.stringMatching(/^authid_/), app_metadata: { user_id: user.id } }])
    expect(providers).toEqual([
      {
        provider: "emailpass",
        entity_id: "admin@example.com",
        provider_metadata: { password: expect.stringMatching(/^scrypt\$/) },
        auth_identity_id: identities[0]?.id,
      },
    ])
    const stored = providers[0]?.provider_metadata.password ?? ""
    expect(stored).not.toContain("pa55word")
    expect(await verifyPassword("pa55word", stored)).toBe(true)
  })

  test("twice with the same email fails with duplicate_error and creates no second user or identity", async () => {
    await create("admin@example.com")
    const second = create("ADMIN@example.com", "another-password")
    await expect(second).rejects.toBeInstanceOf(AgoraError)
    await expect(second).rejects.toMatchObject({ type: "duplicate_error" })

    const { users, identities, providers } = await rows()
    expect(users).toHaveLength(1)
    expect(identities).toHaveLength(1)
    expect(providers).toHaveLength(1)
    // The first password still signs in; the second was never stored.
    expect(await verifyPassword("secret-password", providers[0]?.provider_metadata.password ?? "")).toBe(true)
  })

  test("is atomic: when the identity cannot be created, the user is not left behind", async () => {
    // An identity for this email exists already (e.g. a customer's), without a user.
    await t.app.container.resolve<AuthModuleService>(AUTH_MODULE).register("emailpass", {
      email: "shared@example.com",
      password: "customer-password",
    })
    await expect(create("shared@example.com")).rejects.toMatchObject({ type: "unauthorized" })

    const { users, identities, providers } = await rows()
    expect(users).toEqual([])
    expect(identities).toHaveLength(1)
    expect(providers).toHaveLength(1)
  })

  test("two concurrent calls with the same email create one user and one identity", async () => {
    const results = await Promise.allSettled([create("race@example.com"), create("race@example.com")])
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"])
    const rejected = results.find((result) => result.status === "rejected")
    expect(rejected?.reason).toMatchObject({ type: "duplicate_error" })

    const { users, identities, providers } = await rows()
    expect(users).toHaveLength(1)
    expect(identities).toHaveLength(1)
    expect(providers).toHaveLength(1)
  })
})
