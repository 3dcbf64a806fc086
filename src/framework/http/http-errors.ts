import type { FastifyError, FastifyReply, FastifyRequest } from "fastify"
import { z } from "zod"
import { AgoraError } from "../errors/index.ts"
import type { AgoraErrorType } from "../errors/index.ts"
import { formatZodError } from "./zod-error.ts"

const STATUS_BY_TYPE: Record<AgoraErrorType, number> = {
  invalid_data: 400,
  not_allowed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate_error: 422,
  unexpected_state: 500,
  invalid_argument: 500,
}

const TYPE_BY_STATUS: Record<number, AgoraErrorType> = {
  400: "invalid_data",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  422: "duplicate_error",
}

const CONFLICT_MESSAGE =
  "The request conflicted with another request. You may retry the request with the provided Idempotency-Key."

export type ErrorBody = { type: string; message: string; code?: string }

/** Maps any error to the status and `{ type, message }` body of the HTTP contract. */
export function toHttpError(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  // A failed workflow names its step and carries the step's own error as the cause (through the
  // workflows it ran as steps, when it failed in one of those): that one decides.
  if (!(error instanceof AgoraError) && error instanceof Error && error.cause instanceof Error) {
    const cause = toHttpError(error.cause)
    if (error.cause instanceof AgoraError || cause.status !== 500) return cause
  }
  // An AgoraError whose type the contract does not know (built from untyped code) is an unknown error.
  if (error instanceof AgoraError && error.type in STATUS_BY_TYPE) {
    const status = STATUS_BY_TYPE[error.type]
    if (error.type === "conflict") {
      return { status, body: { type: error.type, message: CONFLICT_MESSAGE, code: "invalid_state_error" }, unexpected: false }
    }
    const code = error.code ?? (error.type === "duplicate_error" ? "invalid_request_error" : undefined)
    return { status, body: { type: error.type, message: error.message, ...(code ? { code } : {}) }, unexpected: status >= 500 }
  }
  if (error instanceof z.ZodError) {
    return { status: 400, body: { type: "invalid_data", message: formatZodError(error) }, unexpected: false }
  }
  // A value the database refused as data (class 22: a malformed date, a number out of range ...) is the
  // caller's mistake, whichever check should have caught it first.
  const sqlState = (error as { code?: unknown; sqlState?: unknown }).sqlState ?? (error as { code?: unknown }).code
  if (typeof sqlState === "string" && /^22[0-9A-Z]{3}$/.test(sqlState)) {
    return { status: 400, body: { type: "invalid_data", message: `Invalid value: ${databaseReason(error)}` }, unexpected: false }
  }
  const fastifyError = error as Partial<FastifyError>
  const status = fastifyError.statusCode
  if (typeof status === "number" && status >= 400 && status < 500) {
    return { status, body: { type: TYPE_BY_STATUS[status] ?? "invalid_data", message: fastifyError.message ?? "Bad request" }, unexpected: false }
  }
  return {
    status: 500,
    body: { code: "unknown_error", type: "unknown_error", message: "An unknown error occurred." },
    unexpected: true,
  }
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body, unexpected } = toHttpError(error)
  if (unexpected) request.log.error({ err: error }, "request failed")
  void reply.status(status).send(body)
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(404).send({ type: "not_found", message: `Cannot ${request.method} ${request.url.split("?")[0]}` })
}

/** The database's own words, without the statement a driver may have put before them. */
function databaseReason(error: unknown): string {
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)
  const at = message.lastIndexOf(" - ")
  return at === -1 ? message : message.slice(at + 3)
}
