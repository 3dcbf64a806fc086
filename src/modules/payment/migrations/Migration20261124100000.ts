import { Migration } from "@mikro-orm/migrations"

/**
 * A session's authorization is claimed instead of locked: `authorizing_until` is set while its
 * provider is asked, and cleared by the write of the answer. No transaction, and no connection,
 * is held while the provider answers; a claim left by a process that died lapses at that time, or
 * is taken over at once by a call with the same idempotency key (`authorizing_by`). The columns
 * belong to the authorization's own statements, not to the model (nor the API).
 */
export class Migration20261124100000 extends Migration {
  override name = "Migration20261124100000"

  override up(): void {
    this.addSql(`alter table "payment_session" add column if not exists "authorizing_until" timestamptz null;`)
    this.addSql(`alter table "payment_session" add column if not exists "authorizing_by" text null;`)
  }

  override down(): void {
    this.addSql(`alter table "payment_session" drop column if exists "authorizing_by";`)
    this.addSql(`alter table "payment_session" drop column if exists "authorizing_until";`)
  }
}
