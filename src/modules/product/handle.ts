/** A product handle: lowercase letters and digits in words joined by single hyphens (`blue-t-shirt-2`). */
export function isValidHandle(handle: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(handle)
}

/** The handle a title gives: accents dropped, every run of other characters one hyphen ("Café Crème!" → "cafe-creme"). */
export function toHandle(title: string): string {
  return title
    .normalize("NFD")
    .replace(/\p{Mark}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join("-")
}
