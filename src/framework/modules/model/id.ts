import { ulid } from "ulid"

/** `<prefix>_<ULID>`: sortable by creation time, unique without coordination. */
export function generateId(prefix?: string): string {
  return prefix ? `${prefix}_${ulid()}` : ulid()
}
