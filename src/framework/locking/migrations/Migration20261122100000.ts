import { Migration } from "@mikro-orm/migrations"

/** Named locks shared by every process of the app: one row per held key. */
export class Migration20261122100000 extends Migration {
  override name = "Migration20261122100000"

  override up(): void {
    this.addSql(`create table "lock" (
      "key" text not null primary key,
      "owner_id" text not null,
      "expires_at" timestamptz not null,
      "created_at" timestamptz not null default now()
    );`)
  }

  override down(): void {
    this.addSql(`drop table if exists "lock";`)
  }
}
