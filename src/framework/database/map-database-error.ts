import {
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
  ValidationError,
} from "@mikro-orm/core"
import { AgoraError } from "../errors/index.ts"

/** Turns constraint violations into the typed errors users see; anything else passes through. */
export function mapDatabaseError(error: unknown, entityLabel: string): unknown {
  if (error instanceof AgoraError) return error
  if (error instanceof UniqueConstraintViolationException) {
    const detail = (error as { detail?: string }).detail
    const match = detail ? /Key \((.+)\)=\((.*)\) already exists/.exec(detail) : null
    const what = match ? `${match[1]}: ${match[2]}` : "these values"
    return new AgoraError(AgoraError.Types.DUPLICATE_ERROR, `${entityLabel} with ${what} already exists.`)
  }
  if (error instanceof NotNullConstraintViolationException) {
    const column = (error as { column?: string }).column
    return new AgoraError(AgoraError.Types.INVALID_DATA, `${entityLabel}: ${column ?? "a required field"} is required`)
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    return new AgoraError(AgoraError.Types.INVALID_DATA, `${entityLabel}: a referenced record does not exist`)
  }
  if (error instanceof ValidationError) {
    // MikroORM appends a dump of the whole entity on further lines: keep the one line that names the field.
    const [firstLine] = error.message.split("\n")
    return new AgoraError(AgoraError.Types.INVALID_DATA, `${entityLabel}: ${firstLine}`)
  }
  return error
}
