import { Migration } from '@mikro-orm/migrations';

export class Migration20261121110151 extends Migration {

  override name = 'Migration20261121110151';

  override up(): void | Promise<void> {
    this.addSql(`create table "auth_identity" ("id" text not null, "app_metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "auth_identity_deleted_at_index" on "auth_identity" ("deleted_at");`);

    this.addSql(`create table "provider_identity" ("id" text not null, "provider" text not null, "entity_id" text not null, "provider_metadata" jsonb null, "auth_identity_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "provider_identity_auth_identity_id_index" on "provider_identity" ("auth_identity_id");`);
    this.addSql(`create index "provider_identity_deleted_at_index" on "provider_identity" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_provider_identity_provider_entity_id_unique" on "provider_identity" ("provider", "entity_id") where "deleted_at" is null;`);

    this.addSql(`alter table "provider_identity" add constraint "provider_identity_auth_identity_id_foreign" foreign key ("auth_identity_id") references "auth_identity" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "provider_identity" drop constraint "provider_identity_auth_identity_id_foreign";`);

    this.addSql(`drop table if exists "auth_identity" cascade;`);
    this.addSql(`drop table if exists "provider_identity" cascade;`);
  }

}
