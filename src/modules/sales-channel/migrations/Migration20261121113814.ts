import { Migration } from '@mikro-orm/migrations';

export class Migration20261121113814 extends Migration {

  override name = 'Migration20261121113814';

  override up(): void | Promise<void> {
    this.addSql(`create table "sales_channel" ("id" text not null, "name" text not null, "description" text null, "is_disabled" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "sales_channel_deleted_at_index" on "sales_channel" ("deleted_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "sales_channel" cascade;`);
  }

}
