import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114000 extends Migration {

  override name = 'Migration20261121114000';

  override up(): void | Promise<void> {
    this.addSql(`create table "inventory_item" ("id" text not null, "sku" text null, "title" text null, "description" text null, "thumbnail" text null, "requires_shipping" boolean not null default true, "hs_code" text null, "origin_country" text null, "mid_code" text null, "material" text null, "weight" integer null, "length" integer null, "height" integer null, "width" integer null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "inventory_item_deleted_at_index" on "inventory_item" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_inventory_item_sku_unique" on "inventory_item" ("sku") where "deleted_at" is null;`);

    this.addSql(`create table "inventory_level" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "stocked_quantity" integer not null default 0, "reserved_quantity" integer not null default 0, "incoming_quantity" integer not null default 0, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "inventory_level_inventory_item_id_index" on "inventory_level" ("inventory_item_id");`);
    this.addSql(`create index "inventory_level_location_id_index" on "inventory_level" ("location_id");`);
    this.addSql(`create index "inventory_level_deleted_at_index" on "inventory_level" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_inventory_level_inventory_item_id_location_id_unique" on "inventory_level" ("inventory_item_id", "location_id") where "deleted_at" is null;`);

    this.addSql(`create table "reservation_item" ("id" text not null, "inventory_item_id" text not null, "location_id" text not null, "quantity" integer not null, "line_item_id" text null, "allow_backorder" boolean not null default false, "description" text null, "external_id" text null, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "reservation_item_inventory_item_id_index" on "reservation_item" ("inventory_item_id");`);
    this.addSql(`create index "reservation_item_location_id_index" on "reservation_item" ("location_id");`);
    this.addSql(`create index "reservation_item_line_item_id_index" on "reservation_item" ("line_item_id");`);
    this.addSql(`create index "reservation_item_deleted_at_index" on "reservation_item" ("deleted_at");`);

    this.addSql(`alter table "inventory_level" add constraint "inventory_level_inventory_item_id_foreign" foreign key ("inventory_item_id") references "inventory_item" ("id") on delete cascade;`);

    this.addSql(`alter table "reservation_item" add constraint "reservation_item_inventory_item_id_foreign" foreign key ("inventory_item_id") references "inventory_item" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "inventory_level" drop constraint "inventory_level_inventory_item_id_foreign";`);
    this.addSql(`alter table "reservation_item" drop constraint "reservation_item_inventory_item_id_foreign";`);

    this.addSql(`drop table if exists "inventory_item" cascade;`);
    this.addSql(`drop table if exists "inventory_level" cascade;`);
    this.addSql(`drop table if exists "reservation_item" cascade;`);
  }

}
