const Types = {
  INVALID_DATA: "invalid_data",
  NOT_ALLOWED: "not_allowed",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not_found",
  CONFLICT: "conflict",
  DUPLICATE_ERROR: "duplicate_error",
  UNEXPECTED_STATE: "unexpected_state",
  INVALID_ARGUMENT: "invalid_argument",
} as const

export type AgoraErrorType = (typeof Types)[keyof typeof Types]

/** The one error type the framework and modules throw; the HTTP layer maps `type` to a status. */
export class AgoraError extends Error {
  static readonly Types = Types

  readonly type: AgoraErrorType
  readonly code: string | undefined

  constructor(type: AgoraErrorType, message: string, code?: string) {
    super(message)
    this.name = "AgoraError"
    this.type = type
    this.code = code
  }

  static is(error: unknown): error is AgoraError {
    return error instanceof AgoraError
  }
}
