/**
 * A select-list expression that makes the statement's own transaction commit without waiting for
 * its WAL to reach disk (`synchronous_commit = off` for that transaction alone). Such a commit is
 * visible to everyone at once and survives the app's crash; only a crash of PostgreSQL itself can
 * lose it, and then only together with everything written after it: the WAL is one sequence, so
 * the next commit that does wait (any statement of any connection) makes it durable too.
 *
 * For writes whose loss in a database crash is the same as a crash of the app just before them:
 * a workflow run's creation and its intermediate checkpoints (the run never started, or the step
 * runs again, as after any crash), named locks, and the outbox's removal of delivered events (they
 * are delivered again: at least once).
 * Never for what a caller is told has happened: that commit must wait.
 */
export const RELAXED_COMMIT = `set_config('synchronous_commit', 'off', true)`
