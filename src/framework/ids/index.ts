import { randomFillSync } from "node:crypto"

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ" // Crockford's base 32, as ULID uses
const POOL_SIZE = 4096
const pool = new Uint8Array(POOL_SIZE)
let offset = POOL_SIZE

/**
 * A ULID: 10 characters of milliseconds, then 16 random ones, sortable by creation time. The
 * random bytes come from the OS in pools of 4 KB, as `randomUUID` does: asking the OS per id
 * (or per character, as the `ulid` package does) made id generation most of a workflow's cost.
 */
export function ulid(now = Date.now()): string {
  let time = ""
  for (let i = 0, t = now; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET.charAt(t % 32) + time
  if (offset + 16 > POOL_SIZE) {
    randomFillSync(pool)
    offset = 0
  }
  let random = ""
  for (let i = 0; i < 16; i++) random += ALPHABET.charAt((pool[offset + i] ?? 0) & 31)
  offset += 16
  return time + random
}

/** `<prefix>_<ULID>`: sortable by creation time, unique without coordination. */
export function generateId(prefix?: string): string {
  return prefix ? `${prefix}_${ulid()}` : ulid()
}
