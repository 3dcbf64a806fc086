import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { createAdminUser } from "../../../src/framework/auth/index.ts"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

const EMAIL = "admin@example.com"
const PASSWORD = "correct horse battery staple"

let t: TestApp
let userId: string

beforeAll(async () => {
  t = await startTestApp()
  userId = (await createAdminUser(t.app.container, t.app.database, { email: EMAIL, password: PASSWORD })).id
})
afterAll(() => t?.close())

const login = (payload: unknown, url = "/auth/user/emailpass") =>
  t.request({ method: "POST", url, payload: payload as object })

function decodeJwt(token: string) {
  const [header, payload, signature] = token.split(".")
  return {
    header: JSON.parse(Buffer.from(header ?? "", "base64url").toString()) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>,
    signature: signature ?? "",
  }
}

describe("POST /auth/user/emailpass", () => {
  test("answers 200 { token }: an HS256 JWT naming the user, valid for one day", async () => {
    const before = Math.floor(Date.now() / 1000)
    const res = await login({ email: EMAIL, password: PASSWORD })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Object.keys(body)).toEqual(["token"])

    const { header, payload, signature } = decodeJwt(body.token)
    expect(header).toEqual({ alg: "HS256", typ: "JWT" })
    expect(signature).not.toBe("")
    const [identity] = await t.app.database.execute<{ id: string }>('select id from "auth_identity"')
    expect(payload).toEqual({
      actor_id: userId,
      actor_type: "user",
      auth_identity_id: identity?.id,
      app_metadata: { user_id: userId },
      iat: expect.any(Number),
      exp: expect.any(Number),
    })
    expect(payload.iat as number).toBeGreaterThanOrEqual(before)
    expect((payload.exp as number) - (payload.iat as number)).toBe(86_400)
  })

  test("the token opens the admin API", async () => {
    const res = await login({ email: EMAIL, password: PASSWORD })
    const admin = await t.request({ method: "GET", url: "/admin/brands", headers: { authorization: `Bearer ${res.json().token}` } })
    expect(admin.statusCode).toBe(200)
  })

  test("the email is matched regardless of case and surrounding spaces", async () => {
    const res = await login({ email: "  Admin@EXAMPLE.com", password: PASSWORD })
    expect(res.statusCode).toBe(200)
  })

  test.each([
    ["a wrong password", { email: EMAIL, password: "wrong password" }],
    ["a password differing only in case", { email: EMAIL, password: PASSWORD.toUpperCase() }],
    ["an unknown email", { email: "nobody@example.com", password: PASSWORD }],
  ])("%s is 401 Invalid email or password", async (_case, credentials) => {
    const res = await login(credentials)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ type: "unauthorized", message: "Invalid email or password" })
  })

  test.each([
    ["a missing email", { password: PASSWORD }],
    ["a numeric email", { email: 42, password: PASSWORD }],
    ["a null email", { email: null, password: PASSWORD }],
    ["an email given as an array", { email: [EMAIL], password: PASSWORD }],
  ])("%s is 401 Email should be a string", async (_case, credentials) => {
    const res = await login(credentials)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ type: "unauthorized", message: "Email should be a string" })
  })

  test.each([
    ["a missing password", { email: EMAIL }],
    ["a numeric password", { email: EMAIL, password: 12345678 }],
    ["an object password", { email: EMAIL, password: { $ne: "" } }],
  ])("%s is 401 Password should be a string", async (_case, credentials) => {
    const res = await login(credentials)
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ type: "unauthorized", message: "Password should be a string" })
  })

  test("an empty body is 401 Email should be a string, not a parse error", async () => {
    const res = await t.request({
      method: "POST",
      url: "/auth/user/emailpass",
      headers: { "content-type": "application/json", "content-length": "0" },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ type: "unauthorized", message: "Email should be a string" })
  })

  test("an unknown provider is an error and issues no token", async () => {
    const res = await login({ email: EMAIL, password: PASSWORD }, "/auth/user/google")
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ type: "unauthorized", message: "Auth provider google is not supported" })
  })

  test("an unknown actor type is 404 and issues no token", async () => {
    const res = await login({ email: EMAIL, password: PASSWORD }, "/auth/robot/emailpass")
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ type: "not_found" })
    expect(res.json().token).toBeUndefined()
  })

  test("a user's identity signing in as a customer gets a token with no actor, which the admin API refuses", async () => {
    const res = await login({ email: EMAIL, password: PASSWORD }, "/auth/customer/emailpass")
    expect(res.statusCode).toBe(200)
    const { payload } = decodeJwt(res.json().token)
    expect(payload).toMatchObject({ actor_id: "", actor_type: "customer", app_metadata: { user_id: userId } })
    const admin = await t.request({ method: "GET", url: "/admin/brands", headers: { authorization: `Bearer ${res.json().token}` } })
    expect(admin.statusCode).toBe(401)
  })

  test("the password is stored as a scrypt hash, never in plain", async () => {
    const rows = await t.app.database.execute<{ provider_metadata: Record<string, unknown> }>(
      'select provider_metadata from "provider_identity" where entity_id = ?',
      [EMAIL],
    )
    expect(rows).toHaveLength(1)
    const stored = JSON.stringify(rows[0]?.provider_metadata)
    expect(stored).not.toContain(PASSWORD)
    expect(rows[0]?.provider_metadata).toEqual({ password: expect.stringMatching(/^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/) })
  })
})

describe("token lifetime", () => {
  test("follows projectConfig.http.jwtExpiresIn", async () => {
    const short = await startTestApp({ projectConfig: { http: { jwtExpiresIn: "2h" } } })
    try {
      const token = await short.adminToken()
      const { payload } = decodeJwt(token)
      expect((payload.exp as number) - (payload.iat as number)).toBe(7200)
    } finally {
      await short.close()
    }
  })
})
