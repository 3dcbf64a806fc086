import { randomBytes, scrypt, timingSafeEqual } from "node:crypto"
import { promisify } from "node:util"
import type { ApiKeyType } from "./models/api-key.ts"

const scryptAsync = promisify(scrypt) as (password: string, salt: string, keyLength: number) => Promise<Buffer>
const HASH_LENGTH = 64

const PREFIXES: Record<ApiKeyType, string> = { publishable: "pk_", secret: "sk_" }

/** `pk_` or `sk_` followed by 64 random hex characters. */
export function generateToken(type: ApiKeyType): string {
  return `${PREFIXES[type]}${randomBytes(32).toString("hex")}`
}

export function generateSalt(): string {
  return randomBytes(16).toString("hex")
}

/** What may be shown of a key: its first 6 and last 3 characters. */
export function redact(token: string): string {
  return `${token.slice(0, 6)}***${token.slice(-3)}`
}

export async function hashToken(token: string, salt: string): Promise<string> {
  return (await scryptAsync(token, salt, HASH_LENGTH)).toString("hex")
}

export async function tokenMatches(token: string, salt: string, storedHash: string): Promise<boolean> {
  const stored = Buffer.from(storedHash, "hex")
  if (stored.length !== HASH_LENGTH) return false
  return timingSafeEqual(await scryptAsync(token, salt, HASH_LENGTH), stored)
}
