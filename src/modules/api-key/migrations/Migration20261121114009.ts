import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114009 extends Migration {

  override name = 'Migration20261121114009';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_key" ("id" text not null, "token" text not null, "salt" text not null, "redacted" text not null, "title" text not null, "type" text not null, "last_used_at" timestamptz null, "created_by" text not null, "revoked_by" text null, "revoked_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "api_key_redacted_index" on "api_key" ("redacted");`);
    this.addSql(`create index "api_key_type_index" on "api_key" ("type");`);
    this.addSql(`create index "api_key_deleted_at_index" on "api_key" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_api_key_token_unique" on "api_key" ("token") where "deleted_at" is null;`);

    this.addSql(`alter table "api_key" add constraint "api_key_type_check" check ("type" in ('publishable', 'secret'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
  }

}
