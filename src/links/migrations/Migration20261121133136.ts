import { Migration } from '@mikro-orm/migrations';

export class Migration20261121133136 extends Migration {

  override name = 'Migration20261121133136';

  override up(): void | Promise<void> {
    this.addSql(`create table "location_fulfillment_provider" ("id" text not null, "stock_location_id" text not null, "fulfillment_provider_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "IDX_location_fulfillment_provider_stock_location_id" on "location_fulfillment_provider" ("stock_location_id");`);
    this.addSql(`create index "IDX_location_fulfillment_provider_fulfillment_provider_id" on "location_fulfillment_provider" ("fulfillment_provider_id");`);
    this.addSql(`create index "IDX_location_fulfillment_provider_deleted_at" on "location_fulfillment_provider" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_location_fulfillment_provider_stock_location_id_fu_b6da0695" on "location_fulfillment_provider" ("stock_location_id", "fulfillment_provider_id") where "deleted_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "location_fulfillment_provider" cascade;`);
  }

}
