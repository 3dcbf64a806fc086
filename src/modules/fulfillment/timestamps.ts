/** A timestamp from a raw row (PostgreSQL's text `2026-01-02 03:04:05.678+00`, or a Date) as a Date. */
export function parseTimestamp(value: unknown): Date {
  if (value instanceof Date) return value
  return new Date(String(value).replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"))
}
