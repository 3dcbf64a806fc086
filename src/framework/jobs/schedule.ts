import { Cron } from "croner"

/** A parsed cron expression: the occurrences around a moment. */
export type JobSchedule = {
  readonly pattern: string
  /** The first occurrence strictly after `afterMs`, or null if there is none. */
  next(afterMs: number): number | null
  /** The last occurrence at or before `atMs`, or null if there is none. */
  latest(atMs: number): number | null
}

/** Parses `pattern` with croner; throws with croner's reason when it is not a cron expression. */
export function parseSchedule(pattern: string): JobSchedule {
  // `paused` only keeps croner from arming a timer of its own: it is used here as a calculator.
  const cron = new Cron(pattern, { paused: true, mode: "5-or-6-parts" })
  // croner also accepts an ISO date (a one-off run), which is not a schedule.
  if (cron.getPattern() === undefined) throw new Error("expected a cron expression, got a date")
  return {
    pattern,
    next: (afterMs) => cron.nextRun(new Date(afterMs))?.getTime() ?? null,
    // previousRuns excludes runs at the reference's own second unless earlier in it: nudge by 1 ms.
    latest: (atMs) => cron.previousRuns(1, new Date(atMs + 1))[0]?.getTime() ?? null,
  }
}
