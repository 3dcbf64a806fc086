import { randomUUID } from "node:crypto"
import { ulid } from "../ids/index.ts"

/** The transaction id of a run started without one. */
export function newTransactionId(): string {
  return inOnePiece(randomUUID())
}

/** `wf_exec_<ulid>`: how operators name a run. */
export function newExecutionId(): string {
  return inOnePiece(`wf_exec_${ulid()}`)
}

/**
 * A string built by concatenation (as `randomUUID()` and `ulid()` build theirs) is a tree of some
 * twenty fragments until something flattens it, and a run's ids are kept as long as the run is:
 * flattened once here, each is one object for the garbage collector instead of twenty. `trim()`
 * flattens (the cheapest call found that does, even in optimised code); these ids have no spaces
 * to trim. (Never applied to an id a caller chose.)
 */
function inOnePiece(id: string): string {
  return id.trim()
}
