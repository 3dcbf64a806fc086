import { Migration } from '@mikro-orm/migrations';

export class Migration20261121113912 extends Migration {

  override name = 'Migration20261121113912';

  override up(): void | Promise<void> {
    this.addSql(`create table "cart_address" ("id" text not null, "first_name" text null, "last_name" text null, "company" text null, "address_1" text null, "address_2" text null, "city" text null, "postal_code" text null, "country_code" text null, "province" text null, "phone" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "cart_address_deleted_at_index" on "cart_address" ("deleted_at");`);

    this.addSql(`create table "cart" ("id" text not null, "region_id" text null, "customer_id" text null, "sales_channel_id" text null, "email" text null, "currency_code" text not null, "completed_at" timestamptz null, "metadata" jsonb null, "shipping_address_id" text null, "billing_address_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "cart_region_id_index" on "cart" ("region_id");`);
    this.addSql(`create index "cart_customer_id_index" on "cart" ("customer_id");`);
    this.addSql(`create index "cart_sales_channel_id_index" on "cart" ("sales_channel_id");`);
    this.addSql(`create index "cart_shipping_address_id_index" on "cart" ("shipping_address_id");`);
    this.addSql(`create index "cart_billing_address_id_index" on "cart" ("billing_address_id");`);
    this.addSql(`create index "cart_deleted_at_index" on "cart" ("deleted_at");`);

    this.addSql(`create table "cart_line_item" ("id" text not null, "cart_id" text not null, "title" text not null, "subtitle" text null, "thumbnail" text null, "quantity" integer not null, "variant_id" text null, "product_id" text null, "product_title" text null, "product_description" text null, "product_subtitle" text null, "product_type" text null, "product_collection" text null, "product_handle" text null, "variant_sku" text null, "variant_barcode" text null, "variant_title" text null, "variant_option_values" jsonb null, "requires_shipping" boolean not null default true, "is_discountable" boolean not null default true, "is_tax_inclusive" boolean not null default false, "unit_price" numeric not null, "compare_at_unit_price" numeric null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "cart_line_item_cart_id_index" on "cart_line_item" ("cart_id");`);
    this.addSql(`create index "cart_line_item_variant_id_index" on "cart_line_item" ("variant_id");`);
    this.addSql(`create index "cart_line_item_product_id_index" on "cart_line_item" ("product_id");`);
    this.addSql(`create index "cart_line_item_deleted_at_index" on "cart_line_item" ("deleted_at");`);

    this.addSql(`create table "cart_shipping_method" ("id" text not null, "cart_id" text not null, "name" text not null, "amount" numeric not null, "is_tax_inclusive" boolean not null default false, "shipping_option_id" text null, "data" jsonb null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "cart_shipping_method_cart_id_index" on "cart_shipping_method" ("cart_id");`);
    this.addSql(`create index "cart_shipping_method_deleted_at_index" on "cart_shipping_method" ("deleted_at");`);

    this.addSql(`alter table "cart" add constraint "cart_shipping_address_id_foreign" foreign key ("shipping_address_id") references "cart_address" ("id") on delete set null;`);
    this.addSql(`alter table "cart" add constraint "cart_billing_address_id_foreign" foreign key ("billing_address_id") references "cart_address" ("id") on delete set null;`);

    this.addSql(`alter table "cart_line_item" add constraint "cart_line_item_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on delete cascade;`);

    this.addSql(`alter table "cart_shipping_method" add constraint "cart_shipping_method_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "cart" drop constraint "cart_shipping_address_id_foreign";`);
    this.addSql(`alter table "cart" drop constraint "cart_billing_address_id_foreign";`);
    this.addSql(`alter table "cart_line_item" drop constraint "cart_line_item_cart_id_foreign";`);
    this.addSql(`alter table "cart_shipping_method" drop constraint "cart_shipping_method_cart_id_foreign";`);

    this.addSql(`drop table if exists "cart_address" cascade;`);
    this.addSql(`drop table if exists "cart" cascade;`);
    this.addSql(`drop table if exists "cart_line_item" cascade;`);
    this.addSql(`drop table if exists "cart_shipping_method" cascade;`);
  }

}
