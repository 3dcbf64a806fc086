import pg from "pg"
import { ulid } from "ulid"
import { JobRunStatus, type JobRun, type JobRunError } from "./types.ts"

// Advisory lock key spaces (the first of two int4 keys; the second is hashtext(job name)).
const CLAIM_LOCK = 0x6a6f6201
const RUN_LOCK = 0x6a6f6202

const RUN_COLUMNS = `"id", "job_name", "status", "error", ${epochMs("scheduled_at")}, ${epochMs("started_at")}, ${epochMs("finished_at")}`
const TIMESTAMP = (n: number) => `to_timestamp($${n}::float8 / 1000)`

type RunRow = {
  id: string
  job_name: string
  status: JobRunStatus
  error: JobRunError | null
  scheduled_at: number
  started_at: number
  finished_at: number | null
}

/** What a process's claim on one tick of a job came to. */
export type Claim =
  /** This process runs the tick; it holds the job's run lock until `finish()`. */
  | { outcome: "run"; run: JobRun; executions: number; finish(status: JobRunStatus, error: JobRunError | null, at: number): Promise<void> }
  /** The job was still running (here or elsewhere): the tick is recorded as skipped. */
  | { outcome: "skipped"; run: JobRun }
  /** Another process already ran or skipped this tick: nothing was written. */
  | { outcome: "duplicate" }
  /** The job has run `numberOfExecutions` times. */
  | { outcome: "exhausted" }

/**
 * The `job_run` table and the locks that keep one job's runs apart across processes. A run holds
 * a session advisory lock on its own pooled connection, so a process that dies releases it with
 * its connection; the unique (job_name, scheduled_at) key makes each tick run at most once.
 */
export class JobRunStore {
  readonly #pool: pg.Pool
  readonly #onError: (error: unknown) => void

  constructor(options: { url: string; poolSize?: number; onError: (error: unknown) => void }) {
    this.#pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, allowExitOnIdle: true })
    this.#onError = options.onError
    this.#pool.on("error", options.onError)
  }

  /**
   * Claims the tick `scheduledAt` of `jobName`. Claims of one job are serialised by a short
   * transaction lock, so "the run lock is taken" always means an earlier tick is still running.
   */
  async claim(jobName: string, scheduledAt: number, now: number, limit: number | null): Promise<Claim> {
    const client = await this.#pool.connect()
    // A connection lost while a job runs is reported here; unheard, it would crash the process.
    const onLost = (error: unknown) => this.#onError(error)
    client.on("error", onLost)
    const release = (destroy?: boolean) => {
      client.removeListener("error", onLost)
      client.release(destroy)
    }
    try {
      const claim = await claimOn(client, release, jobName, scheduledAt, now, limit)
      if (claim.outcome !== "run") release()
      return claim
    } catch (error) {
      // The connection may hold the run lock, which outlives a rollback: close it rather than pool it.
      release(true)
      throw error
    }
  }

  /** Records a tick as skipped without a lock: for a job this process is running, which holds its lock. */
  async recordSkip(jobName: string, scheduledAt: number, now: number): Promise<JobRun | undefined> {
    return insertRun(this.#pool, jobName, scheduledAt, now, JobRunStatus.SKIPPED)
  }

  /** Each job's latest run that was not skipped. */
  async lastRuns(jobNames: readonly string[]): Promise<Map<string, JobRun>> {
    const { rows } = await this.#pool.query<RunRow>(
      `select distinct on ("job_name") ${RUN_COLUMNS} from "job_run"
      where "job_name" = any($1::text[]) and "status" <> $2
      order by "job_name", "scheduled_at" desc`,
      [jobNames, JobRunStatus.SKIPPED],
    )
    return new Map(rows.map((row) => [row.job_name, fromRow(row)]))
  }

  /** How many times each job has run (skipped ticks aside). */
  async executionCounts(jobNames: readonly string[]): Promise<Map<string, number>> {
    const { rows } = await this.#pool.query<{ job_name: string; n: number }>(
      `select "job_name", count(*)::int as "n" from "job_run" where "job_name" = any($1::text[]) and "status" <> $2 group by "job_name"`,
      [jobNames, JobRunStatus.SKIPPED],
    )
    return new Map(rows.map((row) => [row.job_name, row.n]))
  }

  /** One job's runs, latest tick first. */
  async listRuns(
    jobName: string,
    query: { status?: readonly JobRunStatus[] | undefined; take: number; skip: number },
  ): Promise<{ runs: JobRun[]; count: number }> {
    const params: unknown[] = [jobName]
    let where = `"job_name" = $1`
    if (query.status !== undefined) {
      params.push(query.status)
      where += ` and "status" = any($2::text[])`
    }
    const [page, total] = await Promise.all([
      this.#pool.query<RunRow>(
        `select ${RUN_COLUMNS} from "job_run" where ${where}
        order by "scheduled_at" desc limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, query.take, query.skip],
      ),
      this.#pool.query<{ n: number }>(`select count(*)::int as "n" from "job_run" where ${where}`, params),
    ])
    return { runs: page.rows.map(fromRow), count: total.rows[0]?.n ?? 0 }
  }

  close(): Promise<void> {
    return this.#pool.end()
  }
}

const INTERRUPTED: JobRunError = {
  name: "JobInterruptedError",
  message: "The process running this job stopped before the run finished",
}

async function insertRun(
  db: pg.Pool | pg.PoolClient,
  jobName: string,
  scheduledAt: number,
  now: number,
  status: JobRunStatus,
): Promise<JobRun | undefined> {
  const finished = status === JobRunStatus.SKIPPED ? now : null
  const { rows } = await db.query<RunRow>(
    `insert into "job_run" ("id", "job_name", "scheduled_at", "status", "started_at", "finished_at")
    values ($1, $2, ${TIMESTAMP(3)}, $4, ${TIMESTAMP(5)}, ${TIMESTAMP(6)})
    on conflict ("job_name", "scheduled_at") do nothing
    returning ${RUN_COLUMNS}`,
    [`jobrun_${ulid()}`, jobName, scheduledAt, status, now, finished],
  )
  return rows[0] === undefined ? undefined : fromRow(rows[0])
}

async function claimOn(
  client: pg.PoolClient,
  release: (destroy?: boolean) => void,
  jobName: string,
  scheduledAt: number,
  now: number,
  limit: number | null,
): Promise<Claim> {
  await client.query("begin")
  await client.query("select pg_advisory_xact_lock($1, hashtext($2))", [CLAIM_LOCK, jobName])
  const locked = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1, hashtext($2)) as ok", [RUN_LOCK, jobName])
  if (locked.rows[0]?.ok !== true) {
    const skipped = await insertRun(client, jobName, scheduledAt, now, JobRunStatus.SKIPPED)
    await client.query("commit")
    return skipped === undefined ? { outcome: "duplicate" } : { outcome: "skipped", run: skipped }
  }
  // Holding the run lock proves that no process is running this job: a "running" row was left by one that died.
  await client.query(
    `update "job_run" set "status" = $1, "finished_at" = ${TIMESTAMP(2)}, "error" = $3::jsonb where "job_name" = $4 and "status" = $5`,
    [JobRunStatus.FAILED, now, JSON.stringify(INTERRUPTED), jobName, JobRunStatus.RUNNING],
  )
  const counted = await client.query<{ n: number }>(
    `select count(*)::int as "n" from "job_run" where "job_name" = $1 and "status" <> $2`,
    [jobName, JobRunStatus.SKIPPED],
  )
  const executions = counted.rows[0]?.n ?? 0
  const run = limit !== null && executions >= limit ? undefined : await insertRun(client, jobName, scheduledAt, now, JobRunStatus.RUNNING)
  await client.query("commit")
  if (run === undefined) {
    await unlock(client, jobName)
    return limit !== null && executions >= limit ? { outcome: "exhausted" } : { outcome: "duplicate" }
  }
  return {
    outcome: "run",
    run,
    executions: executions + 1,
    finish: async (status, error, at) => {
      try {
        await client.query(
          `update "job_run" set "status" = $1, "finished_at" = ${TIMESTAMP(2)}, "error" = $3::jsonb where "id" = $4`,
          [status, at, error === null ? null : JSON.stringify(error), run.id],
        )
        await unlock(client, jobName)
      } catch (finishError) {
        release(true) // a closed connection releases the lock; the next claim marks the row interrupted
        throw finishError
      }
      release()
    },
  }
}

function unlock(client: pg.PoolClient, jobName: string) {
  return client.query("select pg_advisory_unlock($1, hashtext($2))", [RUN_LOCK, jobName])
}

function fromRow(row: RunRow): JobRun {
  return {
    id: row.id,
    jobName: row.job_name,
    scheduledAt: row.scheduled_at,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  }
}

function epochMs(column: string): string {
  return `(extract(epoch from "${column}") * 1000)::float8 as "${column}"`
}
