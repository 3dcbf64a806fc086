import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114840 extends Migration {

  override name = 'Migration20261121114840';

  override up(): void | Promise<void> {
    this.addSql(`create table "product_product_brand_brand" ("id" text not null, "product_id" text not null, "brand_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_product_product_brand_brand_product_id" on "product_product_brand_brand" ("product_id");`);
    this.addSql(`create index "IDX_product_product_brand_brand_brand_id" on "product_product_brand_brand" ("brand_id");`);
    this.addSql(`create index "IDX_product_product_brand_brand_deleted_at" on "product_product_brand_brand" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_product_brand_brand_product_id_brand_id_unique" on "product_product_brand_brand" ("product_id", "brand_id") where "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_product_product_brand_brand_product_id_unique" on "product_product_brand_brand" ("product_id") where "deleted_at" is null;`);

    this.addSql(`create table "product_sales_channel" ("id" text not null, "product_id" text not null, "sales_channel_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_product_sales_channel_product_id" on "product_sales_channel" ("product_id");`);
    this.addSql(`create index "IDX_product_sales_channel_sales_channel_id" on "product_sales_channel" ("sales_channel_id");`);
    this.addSql(`create index "IDX_product_sales_channel_deleted_at" on "product_sales_channel" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_product_sales_channel_product_id_sales_channel_id_unique" on "product_sales_channel" ("product_id", "sales_channel_id") where "deleted_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "product_product_brand_brand" cascade;`);
    this.addSql(`drop table if exists "product_sales_channel" cascade;`);
  }

}
