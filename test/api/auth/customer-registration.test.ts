import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { decodeToken } from "../store/orders-fixtures.ts"

let t: HttpApp
beforeAll(async () => {
  t = await startHttpApp()
})
afterAll(() => t?.close())

const PASSWORD = "secret-password"
let counter = 0
const newEmail = () => `reg-${++counter}@example.com`
const register = (body: unknown, actor = "customer") => t.anonymous.post(`/auth/${actor}/emailpass/register`, body)
const identities = async () => Number((await t.rows<{ n: string }>("select count(*)::text as n from auth_identity"))[0]?.n)

describe("POST /auth/customer/emailpass/register", () => {
  test("answers a registration token: no actor yet, no publishable key needed", async () => {
    const res = await register({ email: newEmail(), password: PASSWORD })
    expect(res.statusCode).toBe(200)
    expect(Object.keys(res.json())).toEqual(["token"])
    expect(decodeToken(res.json().token)).toMatchObject({
      actor_id: "",
      actor_type: "customer",
      auth_identity_id: expect.stringMatching(/^authid_/),
      app_metadata: {},
    })
  })

  test("the new identity signs in with the same password", async () => {
    const email = newEmail()
    await register({ email, password: PASSWORD })
    const login = await t.anonymous.post("/auth/customer/emailpass", { email, password: PASSWORD })
    expect(login.statusCode).toBe(200)
    expect(decodeToken(login.json().token)).toMatchObject({ actor_id: "", actor_type: "customer" })
  })

  test("an email that already has an identity is 401 and creates nothing", async () => {
    const email = newEmail()
    await register({ email, password: PASSWORD })
    const before = await identities()
    const res = await register({ email: email.toUpperCase(), password: "another-password" })
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ type: "unauthorized", message: "Identity with email already exists" })
    expect(await identities()).toBe(before)
  })

  test("missing credentials are the provider's 401s; an unknown actor type is 404", async () => {
    const before = await identities()
    expect((await register({ password: PASSWORD })).json()).toEqual({ type: "unauthorized", message: "Email should be a string" })
    expect((await register({ email: newEmail() })).json()).toEqual({ type: "unauthorized", message: "Password should be a string" })
    const robot = await register({ email: newEmail(), password: PASSWORD }, "robot")
    expect(robot.statusCode).toBe(404)
    expect(await identities()).toBe(before)
  })
})

describe("POST /auth/token/refresh", () => {
  test("picks up the customer created with a registration token", async () => {
    const email = newEmail()
    const registration = (await register({ email, password: PASSWORD })).json().token as string
    const created = await t.storefront.post("/store/customers", { email }, { headers: { authorization: `Bearer ${registration}` } })
    expect(created.statusCode).toBe(200)
    const customerId = created.json().customer.id

    const res = await t.anonymous.post("/auth/token/refresh", undefined, { headers: { authorization: `Bearer ${registration}` } })
    expect(res.statusCode).toBe(200)
    const payload = decodeToken(res.json().token)
    expect(payload).toMatchObject({ actor_id: customerId, actor_type: "customer", app_metadata: { customer_id: customerId } })

    const me = await t.storefront.get("/store/customers/me", { headers: { authorization: `Bearer ${res.json().token}` } })
    expect(me.statusCode).toBe(200)
    expect(me.json().customer).toMatchObject({ id: customerId, email })
  })

  test("refreshes an admin token as a user token", async () => {
    const res = await t.anonymous.post("/auth/token/refresh", {}, { headers: { authorization: `Bearer ${t.adminJwt}` } })
    expect(res.statusCode).toBe(200)
    expect(decodeToken(res.json().token)).toMatchObject({ actor_type: "user", actor_id: decodeToken(t.adminJwt).actor_id })
    expect((await t.request({ method: "GET", url: "/admin/orders", headers: { authorization: `Bearer ${res.json().token}` } })).statusCode).toBe(200)
  })

  test("without a valid token it is 401", async () => {
    expect((await t.anonymous.post("/auth/token/refresh")).statusCode).toBe(401)
    const forged = await t.anonymous.post("/auth/token/refresh", {}, { headers: { authorization: "Bearer not.a.token" } })
    expect(forged.statusCode).toBe(401)
    expect(forged.json()).toEqual({ message: "Unauthorized" })
  })

  test("a body is refused by name", async () => {
    const res = await t.anonymous.post("/auth/token/refresh", { token: "x" }, { headers: { authorization: `Bearer ${t.adminJwt}` } })
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain("token")
  })
})
