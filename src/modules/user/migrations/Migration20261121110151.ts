import { Migration } from '@mikro-orm/migrations';

export class Migration20261121110151 extends Migration {

  override name = 'Migration20261121110151';

  override up(): void | Promise<void> {
    this.addSql(`create table "user" ("id" text not null, "email" text not null, "first_name" text null, "last_name" text null, "avatar_url" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "user_deleted_at_index" on "user" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_user_email_unique" on "user" ("email") where "deleted_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "user" cascade;`);
  }

}
