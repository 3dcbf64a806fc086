import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114519 extends Migration {

  override name = 'Migration20261121114519';

  override up(): void | Promise<void> {
    this.addSql(`create table "fulfillment_address" ("id" text not null, "company" text null, "first_name" text null, "last_name" text null, "address_1" text null, "address_2" text null, "city" text null, "country_code" text null, "province" text null, "postal_code" text null, "phone" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "fulfillment_address_deleted_at_index" on "fulfillment_address" ("deleted_at");`);

    this.addSql(`create table "fulfillment_provider" ("id" text not null, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "fulfillment_provider_deleted_at_index" on "fulfillment_provider" ("deleted_at");`);

    this.addSql(`create table "fulfillment_set" ("id" text not null, "name" text not null, "type" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "fulfillment_set_deleted_at_index" on "fulfillment_set" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_fulfillment_set_name_unique" on "fulfillment_set" ("name") where "deleted_at" is null;`);

    this.addSql(`create table "service_zone" ("id" text not null, "name" text not null, "metadata" jsonb null, "fulfillment_set_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "service_zone_fulfillment_set_id_index" on "service_zone" ("fulfillment_set_id");`);
    this.addSql(`create index "service_zone_deleted_at_index" on "service_zone" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_service_zone_name_unique" on "service_zone" ("name") where "deleted_at" is null;`);

    this.addSql(`create table "geo_zone" ("id" text not null, "type" text not null default 'country', "country_code" text not null, "province_code" text null, "city" text null, "postal_expression" text null, "metadata" jsonb null, "service_zone_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "geo_zone_service_zone_id_index" on "geo_zone" ("service_zone_id");`);
    this.addSql(`create index "geo_zone_deleted_at_index" on "geo_zone" ("deleted_at");`);

    this.addSql(`create table "shipping_option_type" ("id" text not null, "label" text not null, "description" text null, "code" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "shipping_option_type_deleted_at_index" on "shipping_option_type" ("deleted_at");`);

    this.addSql(`create table "shipping_profile" ("id" text not null, "name" text not null, "type" text not null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "shipping_profile_deleted_at_index" on "shipping_profile" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_shipping_profile_name_unique" on "shipping_profile" ("name") where "deleted_at" is null;`);

    this.addSql(`create table "shipping_option" ("id" text not null, "name" text not null, "price_type" text not null default 'flat', "data" jsonb null, "metadata" jsonb null, "service_zone_id" text not null, "shipping_profile_id" text not null, "provider_id" text null, "type_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "shipping_option_service_zone_id_index" on "shipping_option" ("service_zone_id");`);
    this.addSql(`create index "shipping_option_shipping_profile_id_index" on "shipping_option" ("shipping_profile_id");`);
    this.addSql(`create index "shipping_option_provider_id_index" on "shipping_option" ("provider_id");`);
    this.addSql(`create index "shipping_option_type_id_index" on "shipping_option" ("type_id");`);
    this.addSql(`create index "shipping_option_deleted_at_index" on "shipping_option" ("deleted_at");`);

    this.addSql(`create table "shipping_option_rule" ("id" text not null, "attribute" text not null, "operator" text not null, "value" jsonb not null, "shipping_option_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "shipping_option_rule_shipping_option_id_index" on "shipping_option_rule" ("shipping_option_id");`);
    this.addSql(`create index "shipping_option_rule_deleted_at_index" on "shipping_option_rule" ("deleted_at");`);

    this.addSql(`create table "fulfillment" ("id" text not null, "location_id" text not null, "packed_at" timestamptz null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "data" jsonb null, "requires_shipping" boolean not null default true, "marked_shipped_by" text null, "created_by" text null, "metadata" jsonb null, "provider_id" text null, "shipping_option_id" text null, "delivery_address_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "fulfillment_provider_id_index" on "fulfillment" ("provider_id");`);
    this.addSql(`create index "fulfillment_shipping_option_id_index" on "fulfillment" ("shipping_option_id");`);
    this.addSql(`create index "fulfillment_delivery_address_id_index" on "fulfillment" ("delivery_address_id");`);
    this.addSql(`create index "fulfillment_deleted_at_index" on "fulfillment" ("deleted_at");`);

    this.addSql(`create table "fulfillment_label" ("id" text not null, "tracking_number" text not null, "tracking_url" text not null, "label_url" text not null, "fulfillment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "fulfillment_label_fulfillment_id_index" on "fulfillment_label" ("fulfillment_id");`);
    this.addSql(`create index "fulfillment_label_deleted_at_index" on "fulfillment_label" ("deleted_at");`);

    this.addSql(`create table "fulfillment_item" ("id" text not null, "title" text not null, "sku" text null, "barcode" text null, "quantity" integer not null, "line_item_id" text null, "inventory_item_id" text null, "fulfillment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "fulfillment_item_line_item_id_index" on "fulfillment_item" ("line_item_id");`);
    this.addSql(`create index "fulfillment_item_fulfillment_id_index" on "fulfillment_item" ("fulfillment_id");`);
    this.addSql(`create index "fulfillment_item_deleted_at_index" on "fulfillment_item" ("deleted_at");`);

    this.addSql(`alter table "fulfillment_set" add constraint "fulfillment_set_type_check" check ("type" in ('shipping', 'pickup'));`);

    this.addSql(`alter table "service_zone" add constraint "service_zone_fulfillment_set_id_foreign" foreign key ("fulfillment_set_id") references "fulfillment_set" ("id") on delete cascade;`);

    this.addSql(`alter table "geo_zone" add constraint "geo_zone_service_zone_id_foreign" foreign key ("service_zone_id") references "service_zone" ("id") on delete cascade;`);
    this.addSql(`alter table "geo_zone" add constraint "geo_zone_type_check" check ("type" in ('country', 'province', 'city', 'zip'));`);

    this.addSql(`alter table "shipping_option" add constraint "shipping_option_service_zone_id_foreign" foreign key ("service_zone_id") references "service_zone" ("id") on delete cascade;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_shipping_profile_id_foreign" foreign key ("shipping_profile_id") references "shipping_profile" ("id") on delete cascade;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_provider_id_foreign" foreign key ("provider_id") references "fulfillment_provider" ("id") on delete set null;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_type_id_foreign" foreign key ("type_id") references "shipping_option_type" ("id") on delete cascade;`);
    this.addSql(`alter table "shipping_option" add constraint "shipping_option_price_type_check" check ("price_type" in ('flat', 'calculated'));`);

    this.addSql(`alter table "shipping_option_rule" add constraint "shipping_option_rule_shipping_option_id_foreign" foreign key ("shipping_option_id") references "shipping_option" ("id") on delete cascade;`);
    this.addSql(`alter table "shipping_option_rule" add constraint "shipping_option_rule_operator_check" check ("operator" in ('eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'));`);

    this.addSql(`alter table "fulfillment" add constraint "fulfillment_provider_id_foreign" foreign key ("provider_id") references "fulfillment_provider" ("id") on delete set null;`);
    this.addSql(`alter table "fulfillment" add constraint "fulfillment_shipping_option_id_foreign" foreign key ("shipping_option_id") references "shipping_option" ("id") on delete set null;`);
    this.addSql(`alter table "fulfillment" add constraint "fulfillment_delivery_address_id_foreign" foreign key ("delivery_address_id") references "fulfillment_address" ("id") on delete set null;`);

    this.addSql(`alter table "fulfillment_label" add constraint "fulfillment_label_fulfillment_id_foreign" foreign key ("fulfillment_id") references "fulfillment" ("id") on delete cascade;`);

    this.addSql(`alter table "fulfillment_item" add constraint "fulfillment_item_fulfillment_id_foreign" foreign key ("fulfillment_id") references "fulfillment" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "fulfillment" drop constraint "fulfillment_delivery_address_id_foreign";`);
    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_provider_id_foreign";`);
    this.addSql(`alter table "fulfillment" drop constraint "fulfillment_provider_id_foreign";`);
    this.addSql(`alter table "service_zone" drop constraint "service_zone_fulfillment_set_id_foreign";`);
    this.addSql(`alter table "geo_zone" drop constraint "geo_zone_service_zone_id_foreign";`);
    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_service_zone_id_foreign";`);
    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_type_id_foreign";`);
    this.addSql(`alter table "shipping_option" drop constraint "shipping_option_shipping_profile_id_foreign";`);
    this.addSql(`alter table "shipping_option_rule" drop constraint "shipping_option_rule_shipping_option_id_foreign";`);
    this.addSql(`alter table "fulfillment" drop constraint "fulfillment_shipping_option_id_foreign";`);
    this.addSql(`alter table "fulfillment_label" drop constraint "fulfillment_label_fulfillment_id_foreign";`);
    this.addSql(`alter table "fulfillment_item" drop constraint "fulfillment_item_fulfillment_id_foreign";`);

    this.addSql(`drop table if exists "fulfillment_address" cascade;`);
    this.addSql(`drop table if exists "fulfillment_provider" cascade;`);
    this.addSql(`drop table if exists "fulfillment_set" cascade;`);
    this.addSql(`drop table if exists "service_zone" cascade;`);
    this.addSql(`drop table if exists "geo_zone" cascade;`);
    this.addSql(`drop table if exists "shipping_option_type" cascade;`);
    this.addSql(`drop table if exists "shipping_profile" cascade;`);
    this.addSql(`drop table if exists "shipping_option" cascade;`);
    this.addSql(`drop table if exists "shipping_option_rule" cascade;`);
    this.addSql(`drop table if exists "fulfillment" cascade;`);
    this.addSql(`drop table if exists "fulfillment_label" cascade;`);
    this.addSql(`drop table if exists "fulfillment_item" cascade;`);
  }

}
