import { RELAXED_COMMIT } from "../database/relaxed-commit.ts"
import type { AgoraEvent } from "./types.ts"

/** Runs one statement with `?` placeholders on the pool, outside any transaction. */
export type OutboxQuery = <Row>(sql: string, params: readonly unknown[]) => Promise<Row[]>

type OutboxRow = { id: string; name: string; data: string | null; metadata: string | null }

/**
 * Events waiting for delivery (`event_outbox`). A row is claimed by the process delivering it for a
 * while; a claim that lapses (its process died) lets any process deliver it again: at least once.
 */
export class PostgresOutbox {
  readonly #query: OutboxQuery
  readonly #claimSeconds: number

  constructor(query: OutboxQuery, options: { claimSeconds?: number } = {}) {
    this.#query = query
    this.#claimSeconds = options.claimSeconds ?? 60
  }

  /** Stores events, claimed by this process, which delivers them next. */
  async add(events: readonly AgoraEvent[]): Promise<void> {
    if (events.length === 0) return
    const rows = events.map((e) => ({ id: e.id, name: e.name, data: e.data ?? null, metadata: e.metadata ?? null }))
    await this.#query(
      `insert into "event_outbox" ("id", "name", "data", "metadata", "created_at", "claimed_until")
      select "e"."id", "e"."name", "e"."data", "e"."metadata", now(), now() + make_interval(secs => ?)
      from jsonb_to_recordset(?::jsonb) as "e"("id" text, "name" text, "data" jsonb, "metadata" jsonb)
      on conflict ("id") do nothing`,
      [this.#claimSeconds, JSON.stringify(rows)],
    )
  }

  /**
   * Delivered (every subscriber had its turn): gone. Without waiting for the disk: a removal lost
   * in a database crash means the events are delivered again, as when this process dies first.
   */
  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    await this.#query(
      `with "removed" as (delete from "event_outbox" where "id" in (select jsonb_array_elements_text(?::jsonb)) returning 1)
      select count(*)::int as "removed", ${RELAXED_COMMIT} from "removed"`,
      [JSON.stringify(ids)],
    )
  }

  /** Claims events nobody is delivering (never claimed, or their claim lapsed), oldest first. */
  async claimDue(limit: number): Promise<AgoraEvent[]> {
    const rows = await this.#query<OutboxRow>(
      `update "event_outbox" set "claimed_until" = now() + make_interval(secs => ?), "attempts" = "attempts" + 1
      where "id" in (
        select "id" from "event_outbox" where "claimed_until" is null or "claimed_until" < now()
        order by "created_at" limit ? for update skip locked
      )
      returning "id", "name", "data"::text as "data", "metadata"::text as "metadata"`,
      [this.#claimSeconds, limit],
    )
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      data: row.data === null ? null : JSON.parse(row.data),
      ...(row.metadata === null ? {} : { metadata: JSON.parse(row.metadata) as Record<string, unknown> }),
    }))
  }
}
