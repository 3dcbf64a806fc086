import type { LightMyRequestResponse } from "fastify"
import type { BodyInput } from "./arbitraries.ts"

/**
 * What is wrong with the answer to a hostile request: a 5xx, a success where a refusal was due, or
 * a refusal whose body is not `{ type, message }`. Empty when the answer is right.
 */
export function problemsOf(res: LightMyRequestResponse, expectation: { mustRefuse: boolean; allowEmptyList?: boolean }): string[] {
  const problems: string[] = []
  if (res.statusCode >= 500) problems.push(`answered ${res.statusCode}`)
  else if (expectation.mustRefuse && res.statusCode < 400 && !(expectation.allowEmptyList && isEmptyList(res))) {
    problems.push(`answered ${res.statusCode} to a malformed request`)
  }
  else if (res.statusCode !== 200 && res.statusCode < 400) problems.push(`answered ${res.statusCode}`)
  if (res.statusCode >= 400 && !isErrorBody(res)) problems.push("the error body is not { type: string, message: string }")
  return problems
}

/** A list envelope with nothing in it (`{ <plural>: [], count: 0, … }`). */
function isEmptyList(res: LightMyRequestResponse): boolean {
  if (res.statusCode !== 200) return false
  try {
    return (res.json() as { count?: unknown }).count === 0
  } catch {
    return false
  }
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
