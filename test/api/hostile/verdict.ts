import type { LightMyRequestResponse } from "fastify"
import type { BodyInput } from "./arbitraries.ts"

/**
 * What is wrong with the answer to a hostile request: a 5xx, a success where a refusal was due (a
 * list under an unknown parent may be empty instead, with `allowEmptyList`), or a refusal whose body
 * is not `{ type, message }`. Empty when the answer is right.
 */
export function problemsOf(res: LightMyRequestResponse, expectation: { mustRefuse: boolean; allowEmptyList?: boolean }): string[] {
  const problems: string[] = []
  const refused = res.statusCode >= 400 && res.statusCode < 500
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`)
  else if (expectation.mustRefuse && !refused && !(expectation.allowEmptyList && countOf(res) === 0)) {
    problems.push(`answered ${res.statusCode} to a malformed request`)
  } else if (!refused && res.statusCode !== 200) problems.push(`answered ${res.statusCode}`)
  if (res.statusCode >= 400 && !isErrorBody(res)) problems.push("the error body is not { type: string, message: string }")
  return problems
}

export function isErrorBody(res: LightMyRequestResponse): boolean {
  try {
    const body = res.json() as { type?: unknown; message?: unknown }
    return typeof body.type === "string" && typeof body.message === "string"
  } catch {
    return false
  }
}

const clip = (text: string, length = 400) => (text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text)

/** The request and the answer, readable in a failure message. */
export function describeExchange(
  route: { method: string; path: string },
  url: string,
  body: BodyInput | undefined,
  res: LightMyRequestResponse,
  problems: string[],
): string {
  const sent = !body ? "(no body)" : body.kind === "raw" ? `${body.contentType}: ${JSON.stringify(body.text)}` : safeJson(body.value)
  return [
    problems.length > 0 ? `${route.method} ${route.path}: ${problems.join("; ")}` : `${route.method} ${route.path}`,
    `  url:      ${clip(url)}`,
    `  body:     ${clip(sent)}`,
    `  response: ${res.statusCode} ${clip(res.body)}`,
  ].join("\n")
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** The `count` of a 200 list envelope; undefined for anything else. */
export function countOf(res: LightMyRequestResponse): number | undefined {
  if (res.statusCode !== 200) return undefined
  try {
    const count = (res.json() as { count?: unknown }).count
    return typeof count === "number" ? count : undefined
  } catch {
    return undefined
  }
}
