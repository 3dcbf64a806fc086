import { Migration } from "@mikro-orm/migrations"

/** The workflow engine's run and step tables. */
export class Migration20261121120000 extends Migration {
  override name = "Migration20261121120000"

  override up(): void {
    this.addSql(`create table "workflow_execution" (
      "id" text not null primary key,
      "workflow_id" text not null,
      "transaction_id" text not null,
      "state" text not null,
      "input" jsonb null,
      "context" jsonb not null,
      "result" jsonb null,
      "errors" jsonb not null default '[]',
      "owner" text null,
      "heartbeat_at" timestamptz not null,
      "recovery_attempts" integer not null default 0,
      "parent_workflow_id" text null,
      "parent_transaction_id" text null,
      "parent_step_id" text null,
      "retain_until" timestamptz null,
      "created_at" timestamptz not null,
      "updated_at" timestamptz not null,
      "finished_at" timestamptz null,
      constraint "workflow_execution_run_unique" unique ("workflow_id", "transaction_id")
    );`)
    // Recovery looks only at unfinished runs; retention only at finished ones.
    this.addSql(`create index "workflow_execution_unfinished_index" on "workflow_execution" ("heartbeat_at")
      where "state" in ('not_started', 'invoking', 'compensating', 'waiting');`)
    this.addSql(`create index "workflow_execution_retain_until_index" on "workflow_execution" ("retain_until")
      where "retain_until" is not null;`)
    this.addSql(`create index "workflow_execution_created_at_index" on "workflow_execution" ("created_at" desc, "id" desc);`)
    this.addSql(`create index "workflow_execution_state_index" on "workflow_execution" ("state", "created_at" desc);`)
    this.addSql(`create table "workflow_step" (
      "workflow_id" text not null,
      "transaction_id" text not null,
      "step_id" text not null,
      "status" text not null,
      "attempts" integer not null,
      "output" jsonb null,
      "compensation_input" jsonb null,
      "error" jsonb null,
      "started_at" timestamptz null,
      "finished_at" timestamptz null,
      "completion_order" integer null,
      "next_attempt_at" timestamptz null,
      "deadline_at" timestamptz null,
      "compensation_attempts" integer not null default 0,
      primary key ("workflow_id", "transaction_id", "step_id"),
      constraint "workflow_step_run_fk" foreign key ("workflow_id", "transaction_id")
        references "workflow_execution" ("workflow_id", "transaction_id") on delete cascade
    );`)
  }

  override down(): void {
    this.addSql(`drop table if exists "workflow_step";`)
    this.addSql(`drop table if exists "workflow_execution";`)
  }
}
