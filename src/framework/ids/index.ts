import { randomFillSync } from "node:crypto"

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ" // Crockford's base 32, as ULID uses
const POOL_SIZE = 4096
const pool = new Uint8Array(POOL_SIZE)
let offset = POOL_SIZE

let lastTime = -1
const lastRandom = new Uint8Array(16)

/**
 * A ULID: 10 characters of milliseconds, then 16 random ones. Monotonic in a process: ids made in
 * the same millisecond increment the previous random part, so ids sort in creation order (a list
 * ordered by id lists rows as they were created). The random bytes come from the OS in pools of
 * 4 KB: asking per id (or per character, as the `ulid` package does) made id generation most of a
 * workflow's cost.
 */
export function ulid(now = Date.now()): string {
  if (now <= lastTime) {
    increment(lastRandom)
  } else {
    lastTime = now
    if (offset + 16 > POOL_SIZE) {
      randomFillSync(pool)
      offset = 0
    }
    for (let i = 0; i < 16; i++) lastRandom[i] = (pool[offset + i] ?? 0) & 31
    offset += 16
  }
  let time = ""
  for (let i = 0, t = lastTime; i < 10; i++, t = Math.floor(t / 32)) time = ALPHABET.charAt(t % 32) + time
  let random = ""
  for (let i = 0; i < 16; i++) random += ALPHABET.charAt(lastRandom[i] ?? 0)
  return time + random
}

/** Adds one to a base-32 number held as 16 digits, most significant first. */
function increment(digits: Uint8Array): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    const next = (digits[i] ?? 0) + 1
    if (next < 32) {
      digits[i] = next
      return
    }
    digits[i] = 0
  }
}

/** `<prefix>_<ULID>`: sortable by creation time, unique without coordination. */
export function generateId(prefix?: string): string {
  return prefix ? `${prefix}_${ulid()}` : ulid()
}
