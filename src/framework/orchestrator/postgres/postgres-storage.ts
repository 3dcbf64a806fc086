import { RELAXED_COMMIT } from "../../database/relaxed-commit.ts"
import { OwnershipLostError } from "../errors.ts"
import { WorkflowState } from "../states.ts"
import type {
  AcquireRequest,
  Checkpoint,
  CreateRunResult,
  ExecutionRecord,
  ListRunsQuery,
  RunKey,
  StepRecord,
  StoredRun,
  WorkflowStorage,
} from "../storage.ts"
import {
  EXECUTION_COLUMNS,
  executionFromRow,
  STEP_COLUMNS,
  stepFromRow,
  TIMESTAMP,
  toJson,
  type ExecutionRow,
  type StepRow,
} from "./rows.ts"

/** Runs one SQL statement with `?` placeholders on its own pooled connection, outside any transaction. */
export type SqlQuery = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>

const UNFINISHED = `('${WorkflowState.NOT_STARTED}', '${WorkflowState.INVOKING}', '${WorkflowState.COMPENSATING}')`

/**
 * Runs and steps in PostgreSQL (`workflow_execution`, `workflow_step`). Every method is one SQL
 * statement, so a step boundary costs one round trip; the unique (workflow_id, transaction_id)
 * key makes a transaction id execute once across processes.
 */
export class PostgresWorkflowStorage implements WorkflowStorage {
  readonly #query: SqlQuery

  constructor(query: SqlQuery) {
    this.#query = query
  }

  async create(execution: ExecutionRecord): Promise<CreateRunResult> {
    const e = execution
    // No foreign key ties steps to their run (see `deleteExpired`): step rows left under this key by
    // a run deleted some other way (by hand, say) go as the new run is inserted, never read as its own.
    // The caller is told nothing before the run parks or ends, writes that wait for the disk and so
    // make this one durable too: lost in a crash of PostgreSQL, the run was never started.
    const inserted = await this.#query<{ id: string }>(
      `with "created" as (
        insert into "workflow_execution" ("id", "workflow_id", "transaction_id", "state", "input", "context", "result",
          "errors", "owner", "heartbeat_at", "recovery_attempts", "parent_workflow_id", "parent_transaction_id",
          "parent_step_id", "retain_until", "created_at", "updated_at", "finished_at")
        values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ${TIMESTAMP}, ?, ?, ?, ?, ${TIMESTAMP}, ${TIMESTAMP}, ${TIMESTAMP}, ${TIMESTAMP})
        on conflict ("workflow_id", "transaction_id") do nothing
        returning "id", "workflow_id", "transaction_id"
      ), "orphans" as (
        delete from "workflow_step" "s" using "created" "c"
        where "s"."workflow_id" = "c"."workflow_id" and "s"."transaction_id" = "c"."transaction_id"
      )
      select "id", ${RELAXED_COMMIT} from "created"`,
      [
        e.id, e.workflowId, e.transactionId, e.state, toJson(e.input), toJson(e.context), toJson(e.result),
        toJson(e.errors), e.owner, e.heartbeatAt, e.recoveryAttempts, e.parent?.workflowId ?? null,
        e.parent?.transactionId ?? null, e.parent?.stepId ?? null, e.retainUntil, e.createdAt, e.updatedAt, e.finishedAt,
      ],
    )
    if (inserted.length > 0) return { created: true }
    const existing = await this.load(e.workflowId, e.transactionId)
    if (existing === undefined) throw new Error(`Run ${e.workflowId}/${e.transactionId} conflicted but cannot be read`)
    return { created: false, existing }
  }

  async load(workflowId: string, transactionId: string): Promise<StoredRun | undefined> {
    const [row] = await this.#query<ExecutionRow>(
      `select ${EXECUTION_COLUMNS} from "workflow_execution" where "workflow_id" = ? and "transaction_id" = ?`,
      [workflowId, transactionId],
    )
    return row === undefined ? undefined : this.#withSteps(row)
  }

  async loadById(id: string): Promise<StoredRun | undefined> {
    const [row] = await this.#query<ExecutionRow>(`select ${EXECUTION_COLUMNS} from "workflow_execution" where "id" = ?`, [id])
    return row === undefined ? undefined : this.#withSteps(row)
  }

  async checkpoint(checkpoint: Checkpoint): Promise<void> {
    const { sets, params: setParams } = executionSets(checkpoint)
    const params: unknown[] = [...setParams, checkpoint.workflowId, checkpoint.transactionId, checkpoint.owner]
    let stepSql = ""
    const steps = checkpoint.step === undefined ? (checkpoint.deferred ?? []) : [...(checkpoint.deferred ?? []), checkpoint.step]
    steps.forEach((step, index) => {
      stepSql += `, "step_${index}" as (${UPSERT_STEP})`
      params.push(...stepParams(step))
    })
    if (checkpoint.publish !== undefined && checkpoint.publish.length > 0) {
      // Claimed for a minute by this process, which delivers them right away; if it dies, another
      // process's outbox poll delivers them after the claim lapses.
      stepSql += `, "published" as (insert into "event_outbox" ("id", "name", "data", "metadata", "created_at", "claimed_until")
        select "e"."id", "e"."name", "e"."data", "e"."metadata", now(), now() + interval '1 minute'
        from "run", jsonb_to_recordset(?::jsonb) as "e"("id" text, "name" text, "data" jsonb, "metadata" jsonb))`
      params.push(toJson(checkpoint.publish.map((e) => ({ id: e.id, name: e.name, data: e.data ?? null, metadata: e.metadata ?? null }))))
    }
    // A write that keeps the run owned is one the caller was not told about: if PostgreSQL crashes
    // before a later commit waits for it, the run resumes before it, as if the app had crashed there.
    // A write that lets the run go (its end, its parking, a dead letter) is what the caller is told.
    const releases = checkpoint.execution?.owner === null
    const [result] = await this.#query<{ updated: number }>(
      `with "run" as (
        update "workflow_execution" set ${sets.join(", ")}
        where "workflow_id" = ? and "transaction_id" = ? and "owner" = ?
        returning "workflow_id", "transaction_id"
      )${stepSql}
      select count(*)::int as "updated"${releases ? "" : `, ${RELAXED_COMMIT}`} from "run"`,
      params,
    )
    if (result?.updated !== 1) throw new OwnershipLostError(checkpoint.workflowId, checkpoint.transactionId)
  }

  async acquire(request: AcquireRequest): Promise<StoredRun | undefined> {
    const [row] = await this.#query<ExecutionRow>(
      `update "workflow_execution" set
        "recovery_attempts" = "recovery_attempts" + (case when "owner" is not null and "owner" <> ? then 1 else 0 end),
        "owner" = ?, "heartbeat_at" = ${TIMESTAMP}
      where "workflow_id" = ? and "transaction_id" = ?
        and ("owner" is null or "owner" = ? or "heartbeat_at" < ${TIMESTAMP})
      returning ${EXECUTION_COLUMNS}`,
      [
        request.owner, request.owner, request.now, request.workflowId, request.transactionId, request.owner,
        // An infinite staleBefore (a forced takeover) is any heartbeat at all.
        Number.isFinite(request.staleBefore) ? request.staleBefore : Number.MAX_SAFE_INTEGER,
      ],
    )
    return row === undefined ? undefined : this.#withSteps(row)
  }

  async listRecoverable(query: { readonly staleBefore: number; readonly limit: number }): Promise<RunKey[]> {
    const rows = await this.#query<{ workflow_id: string; transaction_id: string }>(
      `select "workflow_id", "transaction_id" from "workflow_execution"
      where ("state" = '${WorkflowState.WAITING}' and "owner" is null)
        or ("state" in ${UNFINISHED} and "heartbeat_at" < ${TIMESTAMP})
      order by "heartbeat_at" limit ?`,
      [query.staleBefore, query.limit],
    )
    return rows.map((row) => ({ workflowId: row.workflow_id, transactionId: row.transaction_id }))
  }

  /**
   * Steps go with their runs in the same statement. There is no foreign key to cascade: steps are
   * written only through the update of their run (see `checkpoint`), so it would check what holds
   * by construction, at the price of a lookup and a row lock per step written.
   */
  async deleteExpired(now: number): Promise<number> {
    const [row] = await this.#query<{ deleted: number }>(
      `with "expired" as (
        delete from "workflow_execution" where "retain_until" is not null and "retain_until" <= ${TIMESTAMP}
        returning "workflow_id", "transaction_id"
      ), "steps" as (
        delete from "workflow_step" "s" using "expired" "e"
        where "s"."workflow_id" = "e"."workflow_id" and "s"."transaction_id" = "e"."transaction_id"
      )
      select count(*)::int as "deleted" from "expired"`,
      [now],
    )
    return row?.deleted ?? 0
  }

  async list(query: ListRunsQuery): Promise<{ runs: ExecutionRecord[]; count: number }> {
    const where: string[] = []
    const params: unknown[] = []
    const anyOf = (column: string, values: readonly string[] | undefined) => {
      if (values === undefined) return
      where.push(`"${column}" in (select jsonb_array_elements_text(?::jsonb))`)
      params.push(toJson(values))
    }
    anyOf("workflow_id", query.workflowId)
    anyOf("transaction_id", query.transactionId)
    anyOf("state", query.state)
    const rows = await this.#query<ExecutionRow & { total: number }>(
      `select ${EXECUTION_COLUMNS}, count(*) over()::int as "total" from "workflow_execution"
      ${where.length === 0 ? "" : `where ${where.join(" and ")}`}
      order by "created_at" desc, "id" desc limit ? offset ?`,
      [...params, query.take, query.skip],
    )
    const count = rows[0]?.total ?? (query.skip > 0 ? await this.#count(where, params) : 0)
    return { runs: rows.map(executionFromRow), count }
  }

  async #count(where: string[], params: unknown[]): Promise<number> {
    const [row] = await this.#query<{ total: number }>(
      `select count(*)::int as "total" from "workflow_execution" ${where.length === 0 ? "" : `where ${where.join(" and ")}`}`,
      params,
    )
    return row?.total ?? 0
  }

  async #withSteps(row: ExecutionRow): Promise<StoredRun> {
    const steps = await this.#query<StepRow>(
      `select ${STEP_COLUMNS} from "workflow_step" where "workflow_id" = ? and "transaction_id" = ? order by "step_id"`,
      [row.workflow_id, row.transaction_id],
    )
    return { execution: executionFromRow(row), steps: steps.map(stepFromRow) }
  }
}

const UPSERT_STEP = `insert into "workflow_step" ("workflow_id", "transaction_id", "step_id", "status", "attempts",
    "output", "compensation_input", "error", "started_at", "finished_at", "completion_order", "next_attempt_at",
    "deadline_at", "compensation_attempts", "events")
  select "workflow_id", "transaction_id", ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ${TIMESTAMP}, ${TIMESTAMP}, ?,
    ${TIMESTAMP}, ${TIMESTAMP}, ?, ?::jsonb from "run"
  on conflict ("workflow_id", "transaction_id", "step_id") do update set
    "status" = excluded."status", "attempts" = excluded."attempts", "output" = excluded."output",
    "compensation_input" = excluded."compensation_input", "error" = excluded."error",
    "started_at" = excluded."started_at", "finished_at" = excluded."finished_at",
    "completion_order" = excluded."completion_order", "next_attempt_at" = excluded."next_attempt_at",
    "deadline_at" = excluded."deadline_at", "compensation_attempts" = excluded."compensation_attempts",
    "events" = excluded."events"`

function stepParams(step: StepRecord): unknown[] {
  return [
    step.stepId, step.status, step.attempts, toJson(step.output), toJson(step.compensationInput), toJson(step.error ?? undefined),
    step.startedAt, step.finishedAt, step.completionOrder, step.nextAttemptAt, step.deadlineAt, step.compensationAttempts,
    toJson(step.events !== undefined && step.events.length > 0 ? step.events : undefined),
  ]
}

/**
 * The SET list of a checkpoint: the run's changed fields, `updated_at`, and the heartbeat unless it
 * is recent enough. `heartbeat_at` is indexed: leaving it as it is keeps a step's checkpoint a HOT
 * update (no index entries), and the row is still updated, so the owner check still locks it.
 */
function executionSets(checkpoint: Checkpoint): { sets: string[]; params: unknown[] } {
  const { execution: patch, at, refreshHeartbeatBefore } = checkpoint
  const sets =
    refreshHeartbeatBefore === undefined
      ? [`"heartbeat_at" = ${TIMESTAMP}`]
      : [`"heartbeat_at" = case when "heartbeat_at" < ${TIMESTAMP} then ${TIMESTAMP} else "heartbeat_at" end`]
  const params: unknown[] = refreshHeartbeatBefore === undefined ? [at] : [refreshHeartbeatBefore, at]
  sets.push(`"updated_at" = ${TIMESTAMP}`)
  params.push(at)
  if (patch === undefined) return { sets, params }
  const set = (sql: string, value: unknown) => {
    sets.push(sql)
    params.push(value)
  }
  if (patch.state !== undefined) set(`"state" = ?`, patch.state)
  if ("result" in patch) set(`"result" = ?::jsonb`, toJson(patch.result))
  if (patch.errors !== undefined) set(`"errors" = ?::jsonb`, toJson(patch.errors))
  if (patch.owner !== undefined) set(`"owner" = ?`, patch.owner)
  if (patch.retainUntil !== undefined) set(`"retain_until" = ${TIMESTAMP}`, patch.retainUntil)
  if (patch.finishedAt !== undefined) set(`"finished_at" = ${TIMESTAMP}`, patch.finishedAt)
  return { sets, params }
}
