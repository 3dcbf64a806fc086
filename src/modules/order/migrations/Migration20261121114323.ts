import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114323 extends Migration {

  override name = 'Migration20261121114323';

  override up(): void | Promise<void> {
    this.addSql(`create table "order_address" ("id" text not null, "first_name" text null, "last_name" text null, "company" text null, "address_1" text null, "address_2" text null, "city" text null, "postal_code" text null, "country_code" text null, "province" text null, "phone" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "order_address_deleted_at_index" on "order_address" ("deleted_at");`);

    // Added by hand (the generator knows no sequences): display_id counts 1, 2, ... across all orders.
    this.addSql(`create sequence if not exists "order_display_id_seq" as integer start 1;`);
    this.addSql(`create table "order" ("id" text not null, "display_id" integer not null default nextval('order_display_id_seq'), "status" text not null default 'pending', "version" integer not null default 1, "email" text null, "currency_code" text not null, "region_id" text null, "customer_id" text null, "sales_channel_id" text null, "canceled_at" timestamptz null, "metadata" jsonb null, "shipping_address_id" text null, "billing_address_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "order_region_id_index" on "order" ("region_id");`);
    this.addSql(`create index "order_customer_id_index" on "order" ("customer_id");`);
    this.addSql(`create index "order_sales_channel_id_index" on "order" ("sales_channel_id");`);
    this.addSql(`create index "order_shipping_address_id_index" on "order" ("shipping_address_id");`);
    this.addSql(`create index "order_billing_address_id_index" on "order" ("billing_address_id");`);
    this.addSql(`create index "order_deleted_at_index" on "order" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_order_display_id_unique" on "order" ("display_id") where "deleted_at" is null;`);
    this.addSql(`alter sequence "order_display_id_seq" owned by "order"."display_id";`);

    this.addSql(`create table "order_fulfillment" ("id" text not null, "order_id" text not null, "location_id" text not null, "provider_id" text null, "packed_at" timestamptz null, "shipped_at" timestamptz null, "delivered_at" timestamptz null, "canceled_at" timestamptz null, "data" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "order_fulfillment_order_id_index" on "order_fulfillment" ("order_id");`);
    this.addSql(`create index "order_fulfillment_deleted_at_index" on "order_fulfillment" ("deleted_at");`);

    this.addSql(`create table "order_line_item" ("id" text not null, "order_id" text not null, "title" text not null, "subtitle" text null, "thumbnail" text null, "quantity" integer not null, "variant_id" text null, "product_id" text null, "product_title" text null, "product_description" text null, "product_subtitle" text null, "product_type" text null, "product_collection" text null, "product_handle" text null, "variant_sku" text null, "variant_barcode" text null, "variant_title" text null, "variant_option_values" jsonb null, "requires_shipping" boolean not null default true, "is_discountable" boolean not null default true, "is_tax_inclusive" boolean not null default false, "unit_price" numeric not null, "compare_at_unit_price" numeric null, "metadata" jsonb null, "fulfilled_quantity" integer not null default 0, "shipped_quantity" integer not null default 0, "delivered_quantity" integer not null default 0, "return_requested_quantity" integer not null default 0, "return_received_quantity" integer not null default 0, "written_off_quantity" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "order_line_item_order_id_index" on "order_line_item" ("order_id");`);
    this.addSql(`create index "order_line_item_variant_id_index" on "order_line_item" ("variant_id");`);
    this.addSql(`create index "order_line_item_product_id_index" on "order_line_item" ("product_id");`);
    this.addSql(`create index "order_line_item_deleted_at_index" on "order_line_item" ("deleted_at");`);

    this.addSql(`create table "order_fulfillment_item" ("id" text not null, "fulfillment_id" text not null, "line_item_id" text not null, "quantity" integer not null, "title" text not null, "sku" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "order_fulfillment_item_fulfillment_id_index" on "order_fulfillment_item" ("fulfillment_id");`);
    this.addSql(`create index "order_fulfillment_item_line_item_id_index" on "order_fulfillment_item" ("line_item_id");`);
    this.addSql(`create index "order_fulfillment_item_deleted_at_index" on "order_fulfillment_item" ("deleted_at");`);

    this.addSql(`create table "order_shipping_method" ("id" text not null, "order_id" text not null, "name" text not null, "amount" numeric not null, "is_tax_inclusive" boolean not null default false, "shipping_option_id" text null, "data" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "order_shipping_method_order_id_index" on "order_shipping_method" ("order_id");`);
    this.addSql(`create index "order_shipping_method_deleted_at_index" on "order_shipping_method" ("deleted_at");`);

    this.addSql(`alter table "order" add constraint "order_shipping_address_id_foreign" foreign key ("shipping_address_id") references "order_address" ("id") on delete set null;`);
    this.addSql(`alter table "order" add constraint "order_billing_address_id_foreign" foreign key ("billing_address_id") references "order_address" ("id") on delete set null;`);
    this.addSql(`alter table "order" add constraint "order_status_check" check ("status" in ('pending', 'completed', 'draft', 'archived', 'canceled', 'requires_action'));`);

    this.addSql(`alter table "order_fulfillment" add constraint "order_fulfillment_order_id_foreign" foreign key ("order_id") references "order" ("id") on delete cascade;`);

    this.addSql(`alter table "order_line_item" add constraint "order_line_item_order_id_foreign" foreign key ("order_id") references "order" ("id") on delete cascade;`);

    this.addSql(`alter table "order_fulfillment_item" add constraint "order_fulfillment_item_fulfillment_id_foreign" foreign key ("fulfillment_id") references "order_fulfillment" ("id") on delete cascade;`);
    this.addSql(`alter table "order_fulfillment_item" add constraint "order_fulfillment_item_line_item_id_foreign" foreign key ("line_item_id") references "order_line_item" ("id") on delete cascade;`);

    this.addSql(`alter table "order_shipping_method" add constraint "order_shipping_method_order_id_foreign" foreign key ("order_id") references "order" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "order" drop constraint "order_shipping_address_id_foreign";`);
    this.addSql(`alter table "order" drop constraint "order_billing_address_id_foreign";`);
    this.addSql(`alter table "order_fulfillment" drop constraint "order_fulfillment_order_id_foreign";`);
    this.addSql(`alter table "order_line_item" drop constraint "order_line_item_order_id_foreign";`);
    this.addSql(`alter table "order_shipping_method" drop constraint "order_shipping_method_order_id_foreign";`);
    this.addSql(`alter table "order_fulfillment_item" drop constraint "order_fulfillment_item_fulfillment_id_foreign";`);
    this.addSql(`alter table "order_fulfillment_item" drop constraint "order_fulfillment_item_line_item_id_foreign";`);

    this.addSql(`drop table if exists "order_address" cascade;`);
    this.addSql(`drop table if exists "order" cascade;`);
    this.addSql(`drop table if exists "order_fulfillment" cascade;`);
    this.addSql(`drop table if exists "order_line_item" cascade;`);
    this.addSql(`drop table if exists "order_fulfillment_item" cascade;`);
    this.addSql(`drop table if exists "order_shipping_method" cascade;`);
    this.addSql(`drop sequence if exists "order_display_id_seq";`);
  }

}
