import { Migration } from '@mikro-orm/migrations';

export class Migration20261121120421 extends Migration {

  override name = 'Migration20261121120421';

  override up(): void | Promise<void> {
    this.addSql(`create table "notification" ("id" text not null, "to" text not null, "channel" text not null, "template" text not null, "data" jsonb null, "trigger_type" text null, "resource_id" text null, "resource_type" text null, "receiver_id" text null, "provider_id" text not null, "status" text not null default 'pending', "external_id" text null, "idempotency_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "notification_channel_index" on "notification" ("channel");`);
    this.addSql(`create index "notification_resource_id_index" on "notification" ("resource_id");`);
    this.addSql(`create index "notification_deleted_at_index" on "notification" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_notification_idempotency_key_unique" on "notification" ("idempotency_key") where "deleted_at" is null;`);

    this.addSql(`alter table "notification" add constraint "notification_status_check" check ("status" in ('pending', 'success', 'failure'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
  }

}
