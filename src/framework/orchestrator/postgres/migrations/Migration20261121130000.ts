import { Migration } from "@mikro-orm/migrations"

/**
 * Events a step raises are kept with the step's row until the run ends; the run's final
 * checkpoint moves them to `event_outbox` in the same statement, from where the event bus
 * delivers them (and deletes them once every subscriber had its turn).
 */
export class Migration20261121130000 extends Migration {
  override name = "Migration20261121130000"

  override up(): void {
    this.addSql(`alter table "workflow_step" add column "events" jsonb null;`)
    this.addSql(`create table "event_outbox" (
      "id" text not null primary key,
      "name" text not null,
      "data" jsonb null,
      "metadata" jsonb null,
      "created_at" timestamptz not null default now(),
      "claimed_until" timestamptz null,
      "attempts" integer not null default 0
    );`)
    this.addSql(`create index "event_outbox_claimed_until_index" on "event_outbox" ("claimed_until" nulls first, "created_at");`)
  }

  override down(): void {
    this.addSql(`drop table if exists "event_outbox";`)
    this.addSql(`alter table "workflow_step" drop column if exists "events";`)
  }
}
