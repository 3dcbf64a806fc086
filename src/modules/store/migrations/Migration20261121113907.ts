import { Migration } from '@mikro-orm/migrations';

export class Migration20261121113907 extends Migration {

  override name = 'Migration20261121113907';

  override up(): void | Promise<void> {
    this.addSql(`create table "store" ("id" text not null, "name" text not null default 'Agora Store', "default_sales_channel_id" text null, "default_region_id" text null, "default_location_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "store_deleted_at_index" on "store" ("deleted_at");`);

    this.addSql(`create table "store_currency" ("id" text not null, "currency_code" text not null, "is_default" boolean not null default false, "store_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "store_currency_store_id_index" on "store_currency" ("store_id");`);
    this.addSql(`create index "store_currency_deleted_at_index" on "store_currency" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_store_currency_store_id_currency_code_unique" on "store_currency" ("store_id", "currency_code") where "deleted_at" is null;`);
    // The model DSL has no partial indexes: at most one default currency per store, added by hand.
    this.addSql(`create unique index if not exists "IDX_store_currency_store_id_is_default_unique" on "store_currency" ("store_id", "is_default") where "is_default" and "deleted_at" is null;`);

    this.addSql(`alter table "store_currency" add constraint "store_currency_store_id_foreign" foreign key ("store_id") references "store" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "store_currency" drop constraint "store_currency_store_id_foreign";`);

    this.addSql(`drop table if exists "store" cascade;`);
    this.addSql(`drop table if exists "store_currency" cascade;`);
  }

}
