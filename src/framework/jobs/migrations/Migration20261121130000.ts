import { Migration } from "@mikro-orm/migrations"

/** One row per tick of a scheduled job, whichever process ran or skipped it. */
export class Migration20261121130000 extends Migration {
  override name = "Migration20261121130000"

  override up(): void {
    this.addSql(`create table "job_run" (
      "id" text not null primary key,
      "job_name" text not null,
      "scheduled_at" timestamptz not null,
      "status" text not null check ("status" in ('running', 'succeeded', 'failed', 'skipped')),
      "started_at" timestamptz not null,
      "finished_at" timestamptz null,
      "error" jsonb null,
      -- Also the index of a job's runs, listed latest tick first.
      constraint "job_run_tick_unique" unique ("job_name", "scheduled_at")
    );`)
  }

  override down(): void {
    this.addSql(`drop table if exists "job_run";`)
  }
}
