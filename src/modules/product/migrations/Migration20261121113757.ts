import { Migration } from '@mikro-orm/migrations';

export class Migration20261121113757 extends Migration {

  override name = 'Migration20261121113757';

  override up(): void | Promise<void> {
    this.addSql(`create table "product" ("id" text not null, "title" text not null, "handle" text not null, "subtitle" text null, "description" text null, "status" text not null default 'draft', "thumbnail" text null, "is_giftcard" boolean not null default false, "discountable" boolean not null default true, "external_id" text null, "weight" integer null, "length" integer null, "height" integer null, "width" integer null, "hs_code" text null, "origin_country" text null, "mid_code" text null, "material" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "product_deleted_at_index" on "product" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_handle_unique" on "product" ("handle") where "deleted_at" is null;`);

    this.addSql(`create table "product_option" ("id" text not null, "title" text not null, "metadata" jsonb null, "product_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "product_option_product_id_index" on "product_option" ("product_id");`);
    this.addSql(`create index "product_option_deleted_at_index" on "product_option" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_option_product_id_title_unique" on "product_option" ("product_id", "title") where "deleted_at" is null;`);

    this.addSql(`create table "product_option_value" ("id" text not null, "value" text not null, "metadata" jsonb null, "option_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "product_option_value_option_id_index" on "product_option_value" ("option_id");`);
    this.addSql(`create index "product_option_value_deleted_at_index" on "product_option_value" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_option_value_option_id_value_unique" on "product_option_value" ("option_id", "value") where "deleted_at" is null;`);

    this.addSql(`create table "product_variant" ("id" text not null, "title" text not null, "sku" text null, "barcode" text null, "ean" text null, "upc" text null, "allow_backorder" boolean not null default false, "manage_inventory" boolean not null default true, "variant_rank" integer not null default 0, "weight" integer null, "length" integer null, "height" integer null, "width" integer null, "hs_code" text null, "origin_country" text null, "mid_code" text null, "material" text null, "metadata" jsonb null, "product_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "product_variant_product_id_index" on "product_variant" ("product_id");`);
    this.addSql(`create index "product_variant_deleted_at_index" on "product_variant" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_variant_sku_unique" on "product_variant" ("sku") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_product_variant_barcode_unique" on "product_variant" ("barcode") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_product_variant_ean_unique" on "product_variant" ("ean") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_product_variant_upc_unique" on "product_variant" ("upc") where "deleted_at" is null;`);

    this.addSql(`create table "product_variant_option" ("product_variant_id" text not null, "product_option_value_id" text not null, primary key ("product_variant_id", "product_option_value_id"));`);

    this.addSql(`alter table "product" add constraint "product_status_check" check ("status" in ('draft', 'proposed', 'published', 'rejected'));`);

    this.addSql(`alter table "product_option" add constraint "product_option_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete cascade;`);

    this.addSql(`alter table "product_option_value" add constraint "product_option_value_option_id_foreign" foreign key ("option_id") references "product_option" ("id") on delete cascade;`);

    this.addSql(`alter table "product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete cascade;`);

    this.addSql(`alter table "product_variant_option" add constraint "product_variant_option_product_variant_id_foreign" foreign key ("product_variant_id") references "product_variant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_variant_option" add constraint "product_variant_option_product_option_value_id_foreign" foreign key ("product_option_value_id") references "product_option_value" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "product_option" drop constraint "product_option_product_id_foreign";`);
    this.addSql(`alter table "product_variant" drop constraint "product_variant_product_id_foreign";`);
    this.addSql(`alter table "product_option_value" drop constraint "product_option_value_option_id_foreign";`);
    this.addSql(`alter table "product_variant_option" drop constraint "product_variant_option_product_option_value_id_foreign";`);
    this.addSql(`alter table "product_variant_option" drop constraint "product_variant_option_product_variant_id_foreign";`);

    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "product_option" cascade;`);
    this.addSql(`drop table if exists "product_option_value" cascade;`);
    this.addSql(`drop table if exists "product_variant" cascade;`);
    this.addSql(`drop table if exists "product_variant_option" cascade;`);
  }

}
