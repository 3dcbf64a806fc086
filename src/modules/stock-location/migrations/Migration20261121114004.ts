import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114004 extends Migration {

  override name = 'Migration20261121114004';

  override up(): void | Promise<void> {
    this.addSql(`create table "stock_location_address" ("id" text not null, "address_1" text not null, "address_2" text null, "company" text null, "city" text null, "country_code" text not null, "phone" text null, "postal_code" text null, "province" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "stock_location_address_deleted_at_index" on "stock_location_address" ("deleted_at");`);

    this.addSql(`create table "stock_location" ("id" text not null, "name" text not null, "address_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "stock_location_address_id_index" on "stock_location" ("address_id");`);
    this.addSql(`create index "stock_location_deleted_at_index" on "stock_location" ("deleted_at");`);

    this.addSql(`alter table "stock_location" add constraint "stock_location_address_id_foreign" foreign key ("address_id") references "stock_location_address" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "stock_location" drop constraint "stock_location_address_id_foreign";`);

    this.addSql(`drop table if exists "stock_location_address" cascade;`);
    this.addSql(`drop table if exists "stock_location" cascade;`);
  }

}
