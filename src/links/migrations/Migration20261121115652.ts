import { Migration } from '@mikro-orm/migrations';

export class Migration20261121115652 extends Migration {

  override name = 'Migration20261121115652';

  override up(): void | Promise<void> {
    this.addSql(`create table "cart_payment_collection" ("id" text not null, "cart_id" text not null, "payment_collection_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_cart_payment_collection_cart_id" on "cart_payment_collection" ("cart_id");`);
    this.addSql(`create index "IDX_cart_payment_collection_payment_collection_id" on "cart_payment_collection" ("payment_collection_id");`);
    this.addSql(`create index "IDX_cart_payment_collection_deleted_at" on "cart_payment_collection" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_cart_payment_collection_cart_id_payment_collection_f829e37a" on "cart_payment_collection" ("cart_id", "payment_collection_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_cart_payment_collection_cart_id_unique" on "cart_payment_collection" ("cart_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_cart_payment_collection_payment_collection_id_unique" on "cart_payment_collection" ("payment_collection_id") where "deleted_at" is null;`);

    this.addSql(`create table "location_fulfillment_set" ("id" text not null, "stock_location_id" text not null, "fulfillment_set_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_location_fulfillment_set_stock_location_id" on "location_fulfillment_set" ("stock_location_id");`);
    this.addSql(`create index "IDX_location_fulfillment_set_fulfillment_set_id" on "location_fulfillment_set" ("fulfillment_set_id");`);
    this.addSql(`create index "IDX_location_fulfillment_set_deleted_at" on "location_fulfillment_set" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_location_fulfillment_set_stock_location_id_fulfill_4c53d24c" on "location_fulfillment_set" ("stock_location_id", "fulfillment_set_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_location_fulfillment_set_fulfillment_set_id_unique" on "location_fulfillment_set" ("fulfillment_set_id") where "deleted_at" is null;`);

    this.addSql(`create table "order_cart" ("id" text not null, "order_id" text not null, "cart_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_order_cart_order_id" on "order_cart" ("order_id");`);
    this.addSql(`create index "IDX_order_cart_cart_id" on "order_cart" ("cart_id");`);
    this.addSql(`create index "IDX_order_cart_deleted_at" on "order_cart" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_order_cart_order_id_cart_id_unique" on "order_cart" ("order_id", "cart_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_order_cart_order_id_unique" on "order_cart" ("order_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_order_cart_cart_id_unique" on "order_cart" ("cart_id") where "deleted_at" is null;`);

    this.addSql(`create table "order_payment_collection" ("id" text not null, "order_id" text not null, "payment_collection_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_order_payment_collection_order_id" on "order_payment_collection" ("order_id");`);
    this.addSql(`create index "IDX_order_payment_collection_payment_collection_id" on "order_payment_collection" ("payment_collection_id");`);
    this.addSql(`create index "IDX_order_payment_collection_deleted_at" on "order_payment_collection" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_order_payment_collection_order_id_payment_collecti_6a60b1f3" on "order_payment_collection" ("order_id", "payment_collection_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_order_payment_collection_payment_collection_id_unique" on "order_payment_collection" ("payment_collection_id") where "deleted_at" is null;`);

    this.addSql(`create table "product_variant_inventory_item" ("id" text not null, "product_variant_id" text not null, "inventory_item_id" text not null, "required_quantity" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_product_variant_inventory_item_product_variant_id" on "product_variant_inventory_item" ("product_variant_id");`);
    this.addSql(`create index "IDX_product_variant_inventory_item_inventory_item_id" on "product_variant_inventory_item" ("inventory_item_id");`);
    this.addSql(`create index "IDX_product_variant_inventory_item_deleted_at" on "product_variant_inventory_item" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_variant_inventory_item_product_variant_id__bbd402b6" on "product_variant_inventory_item" ("product_variant_id", "inventory_item_id") where "deleted_at" is null;`);

    this.addSql(`create table "product_variant_price_set" ("id" text not null, "product_variant_id" text not null, "price_set_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_product_variant_price_set_product_variant_id" on "product_variant_price_set" ("product_variant_id");`);
    this.addSql(`create index "IDX_product_variant_price_set_price_set_id" on "product_variant_price_set" ("price_set_id");`);
    this.addSql(`create index "IDX_product_variant_price_set_deleted_at" on "product_variant_price_set" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_variant_price_set_product_variant_id_price_6d249a72" on "product_variant_price_set" ("product_variant_id", "price_set_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_product_variant_price_set_product_variant_id_unique" on "product_variant_price_set" ("product_variant_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_product_variant_price_set_price_set_id_unique" on "product_variant_price_set" ("price_set_id") where "deleted_at" is null;`);

    this.addSql(`create table "publishable_api_key_sales_channel" ("id" text not null, "api_key_id" text not null, "sales_channel_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_publishable_api_key_sales_channel_api_key_id" on "publishable_api_key_sales_channel" ("api_key_id");`);
    this.addSql(`create index "IDX_publishable_api_key_sales_channel_sales_channel_id" on "publishable_api_key_sales_channel" ("sales_channel_id");`);
    this.addSql(`create index "IDX_publishable_api_key_sales_channel_deleted_at" on "publishable_api_key_sales_channel" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_publishable_api_key_sales_channel_api_key_id_sales_f0958bbc" on "publishable_api_key_sales_channel" ("api_key_id", "sales_channel_id") where "deleted_at" is null;`);

    this.addSql(`create table "region_payment_provider" ("id" text not null, "region_id" text not null, "payment_provider_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_region_payment_provider_region_id" on "region_payment_provider" ("region_id");`);
    this.addSql(`create index "IDX_region_payment_provider_payment_provider_id" on "region_payment_provider" ("payment_provider_id");`);
    this.addSql(`create index "IDX_region_payment_provider_deleted_at" on "region_payment_provider" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_region_payment_provider_region_id_payment_provider_70937875" on "region_payment_provider" ("region_id", "payment_provider_id") where "deleted_at" is null;`);

    this.addSql(`create table "sales_channel_stock_location" ("id" text not null, "sales_channel_id" text not null, "stock_location_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_sales_channel_stock_location_sales_channel_id" on "sales_channel_stock_location" ("sales_channel_id");`);
    this.addSql(`create index "IDX_sales_channel_stock_location_stock_location_id" on "sales_channel_stock_location" ("stock_location_id");`);
    this.addSql(`create index "IDX_sales_channel_stock_location_deleted_at" on "sales_channel_stock_location" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_sales_channel_stock_location_sales_channel_id_stoc_8e930130" on "sales_channel_stock_location" ("sales_channel_id", "stock_location_id") where "deleted_at" is null;`);

    this.addSql(`create table "shipping_option_price_set" ("id" text not null, "shipping_option_id" text not null, "price_set_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_shipping_option_price_set_shipping_option_id" on "shipping_option_price_set" ("shipping_option_id");`);
    this.addSql(`create index "IDX_shipping_option_price_set_price_set_id" on "shipping_option_price_set" ("price_set_id");`);
    this.addSql(`create index "IDX_shipping_option_price_set_deleted_at" on "shipping_option_price_set" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_shipping_option_price_set_shipping_option_id_price_45ee3983" on "shipping_option_price_set" ("shipping_option_id", "price_set_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_shipping_option_price_set_shipping_option_id_unique" on "shipping_option_price_set" ("shipping_option_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_shipping_option_price_set_price_set_id_unique" on "shipping_option_price_set" ("price_set_id") where "deleted_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "cart_payment_collection" cascade;`);
    this.addSql(`drop table if exists "location_fulfillment_set" cascade;`);
    this.addSql(`drop table if exists "order_cart" cascade;`);
    this.addSql(`drop table if exists "order_payment_collection" cascade;`);
    this.addSql(`drop table if exists "product_variant_inventory_item" cascade;`);
    this.addSql(`drop table if exists "product_variant_price_set" cascade;`);
    this.addSql(`drop table if exists "publishable_api_key_sales_channel" cascade;`);
    this.addSql(`drop table if exists "region_payment_provider" cascade;`);
    this.addSql(`drop table if exists "sales_channel_stock_location" cascade;`);
    this.addSql(`drop table if exists "shipping_option_price_set" cascade;`);
  }

}
