import jwt from "jsonwebtoken"
import { describe, expect, test } from "vitest"
import { signToken, verifyToken } from "../../../src/framework/auth/index.ts"
import type { TokenPayload } from "../../../src/framework/auth/index.ts"

const SECRET = "test-secret"
const payload: TokenPayload = {
  actor_id: "user_01",
  actor_type: "user",
  auth_identity_id: "authid_01",
  app_metadata: { user_id: "user_01" },
}

function decode(token: string) {
  const [header, body, signature] = token.split(".")
  return {
    header: JSON.parse(Buffer.from(header ?? "", "base64url").toString()) as Record<string, unknown>,
    body: JSON.parse(Buffer.from(body ?? "", "base64url").toString()) as Record<string, unknown>,
    signature,
  }
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

describe("signToken", () => {
  test("signs HS256 with the payload, iat and exp", () => {
    const before = Math.floor(Date.now() / 1000)
    const { header, body } = decode(signToken(payload, SECRET, "1d"))
    expect(header).toEqual({ alg: "HS256", typ: "JWT" })
    expect(body).toEqual({ ...payload, iat: expect.any(Number), exp: expect.any(Number) })
    expect(body.iat as number).toBeGreaterThanOrEqual(before)
    expect((body.exp as number) - (body.iat as number)).toBe(86_400)
  })

  test.each([
    ["15m", 900],
    ["12h", 43_200],
    ["3600", 3600],
    ["2d", 172_800],
  ])("reads the lifetime %s as %i seconds", (expiresIn, seconds) => {
    const { body } = decode(signToken(payload, SECRET, expiresIn))
    expect((body.exp as number) - (body.iat as number)).toBe(seconds)
  })
})

describe("verifyToken", () => {
  test("returns the payload of a token it signed", () => {
    expect(verifyToken(signToken(payload, SECRET, "1h"), SECRET)).toEqual(payload)
  })

  test("rejects a token signed with another secret", () => {
    expect(verifyToken(signToken(payload, "another-secret", "1h"), SECRET)).toBeUndefined()
  })

  test("rejects an expired token", () => {
    const expired = jwt.sign({ ...payload, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }, SECRET, {
      algorithm: "HS256",
    })
    expect(verifyToken(expired, SECRET)).toBeUndefined()
  })

  test("a token accepted earlier is refused once it has expired", async () => {
    const token = signToken(payload, SECRET, "1")
    expect(verifyToken(token, SECRET)).toEqual(payload)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    expect(verifyToken(token, SECRET)).toBeUndefined()
  })

  test("a token accepted for one secret is refused for another", () => {
    const token = signToken(payload, SECRET, "1h")
    expect(verifyToken(token, SECRET)).toEqual(payload)
    expect(verifyToken(token, "rotated-secret")).toBeUndefined()
  })

  test("rejects a token whose payload was changed after signing", () => {
    const [header, , signature] = signToken(payload, SECRET, "1h").split(".")
    const forged = `${header}.${base64url({ ...payload, actor_id: "user_admin" })}.${signature}`
    expect(verifyToken(forged, SECRET)).toBeUndefined()
  })

  test("rejects an unsigned (alg: none) token", () => {
    const unsigned = `${base64url({ alg: "none", typ: "JWT" })}.${base64url({ ...payload, iat: Math.floor(Date.now() / 1000) })}.`
    expect(verifyToken(unsigned, SECRET)).toBeUndefined()
  })

  test("rejects a token signed with the right secret but another algorithm", () => {
    expect(verifyToken(jwt.sign(payload, SECRET, { algorithm: "HS512" }), SECRET)).toBeUndefined()
  })

  test("rejects a valid signature over a payload without the actor claims", () => {
    expect(verifyToken(jwt.sign({ sub: "user_01" }, SECRET, { algorithm: "HS256" }), SECRET)).toBeUndefined()
    expect(verifyToken(jwt.sign({ ...payload, actor_id: 42 }, SECRET, { algorithm: "HS256" }), SECRET)).toBeUndefined()
  })

  test("rejects strings that are not tokens", () => {
    for (const value of ["", "abc", "a.b.c", "Bearer x"]) expect(verifyToken(value, SECRET), value).toBeUndefined()
  })

  test("reads a missing or non-object app_metadata as {}", () => {
    const { app_metadata: _, ...rest } = payload
    expect(verifyToken(jwt.sign(rest, SECRET, { algorithm: "HS256" }), SECRET)?.app_metadata).toEqual({})
    expect(verifyToken(jwt.sign({ ...rest, app_metadata: "x" }, SECRET, { algorithm: "HS256" }), SECRET)?.app_metadata).toEqual({})
  })
})
