import { AgoraError } from "../errors/index.ts"

/**
 * The first string (value or key) in `value` that PostgreSQL cannot store: a NUL character, or an
 * unpaired UTF-16 surrogate. Returns its path (`items.0.metadata`), or undefined when all is clean.
 */
export function findUnsafeText(value: unknown, path: string[] = []): string | undefined {
  if (typeof value === "string") return isUnsafe(value) ? path.join(".") || "(value)" : undefined
  if (typeof value !== "object" || value === null) return undefined
  for (const [key, entry] of Object.entries(value)) {
    if (isUnsafe(key)) return [...path, key].join(".")
    const found = findUnsafeText(entry, [...path, key])
    if (found !== undefined) return found
  }
  return undefined
}

function isUnsafe(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed()
}

/** Refuses a request whose path, query or body carries text no column could hold, naming where. */
export function assertSafeText(parts: { params: unknown; query: unknown; body: unknown }): void {
  for (const [part, value] of Object.entries(parts)) {
    const field = findUnsafeText(value)
    if (field !== undefined) {
      throw new AgoraError(
        AgoraError.Types.INVALID_DATA,
        `Invalid request: ${part === "body" ? "Field" : `${part === "params" ? "Path" : "Query"} parameter`} '${field}' contains a NUL character or an unpaired surrogate`,
      )
    }
  }
}
