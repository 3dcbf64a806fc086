import { randomBytes, scryptSync } from "node:crypto"
import { describe, expect, test } from "vitest"
import { hashPassword, verifyPassword } from "../../../src/framework/auth/index.ts"

describe("hashPassword", () => {
  test("produces a salted scrypt hash that does not contain the password", async () => {
    const hash = await hashPassword("correct horse battery staple")
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/)
    expect(hash).not.toContain("correct horse")
    const key = Buffer.from(hash.split("$")[5] ?? "", "base64")
    expect(key.length).toBe(64)
  })

  test("hashes the same password differently each time (random salt)", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")])
    expect(a).not.toBe(b)
    expect(a.split("$")[4]).not.toBe(b.split("$")[4])
  })
})

describe("verifyPassword", () => {
  test("accepts the password and rejects any other", async () => {
    const hash = await hashPassword("s3cret!")
    expect(await verifyPassword("s3cret!", hash)).toBe(true)
    expect(await verifyPassword("s3cret", hash)).toBe(false)
    expect(await verifyPassword("S3cret!", hash)).toBe(false)
    expect(await verifyPassword("", hash)).toBe(false)
  })

  test("handles passwords beyond ASCII", async () => {
    const hash = await hashPassword("pässwörd 🔐")
    expect(await verifyPassword("pässwörd 🔐", hash)).toBe(true)
    expect(await verifyPassword("passwort 🔐", hash)).toBe(false)
  })

  test("rejects a stored value that is not a scrypt hash, including the plain password", async () => {
    expect(await verifyPassword("secret", "secret")).toBe(false)
    expect(await verifyPassword("secret", "")).toBe(false)
    expect(await verifyPassword("secret", "bcrypt$10$abc$def")).toBe(false)
  })

  test("rejects a hash whose key was altered", async () => {
    const hash = await hashPassword("secret")
    const parts = hash.split("$")
    const key = Buffer.from(parts[5] ?? "", "base64")
    key[0] = (key[0] ?? 0) ^ 1
    parts[5] = key.toString("base64")
    expect(await verifyPassword("secret", parts.join("$"))).toBe(false)
  })

  test("verifies with the parameters stored in the hash, so older hashes keep working when they are raised", async () => {
    const salt = randomBytes(16)
    const key = scryptSync("secret", salt, 64, { N: 16384, r: 8, p: 1 })
    const older = ["scrypt", 16384, 8, 1, salt.toString("base64"), key.toString("base64")].join("$")
    expect(await verifyPassword("secret", older)).toBe(true)
    expect(await verifyPassword("other", older)).toBe(false)
    // The same salt and key under the current cost do not match: the stored N is what counts.
    expect(await verifyPassword("secret", older.replace("scrypt$16384$", "scrypt$32768$"))).toBe(false)
  })
})
