import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114029 extends Migration {

  override name = 'Migration20261121114029';

  override up(): void | Promise<void> {
    this.addSql(`create table "price_set" ("id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "price_set_deleted_at_index" on "price_set" ("deleted_at");`);

    this.addSql(`create table "price" ("id" text not null, "amount" numeric not null, "currency_code" text not null, "min_quantity" integer null, "max_quantity" integer null, "price_set_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "price_price_set_id_index" on "price" ("price_set_id");`);
    this.addSql(`create index "price_deleted_at_index" on "price" ("deleted_at");`);
    this.addSql(`create index "IDX_price_price_set_id_currency_code" on "price" ("price_set_id", "currency_code");`);

    this.addSql(`create table "price_rule" ("id" text not null, "attribute" text not null, "value" text not null, "price_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "price_rule_price_id_index" on "price_rule" ("price_id");`);
    this.addSql(`create index "price_rule_deleted_at_index" on "price_rule" ("deleted_at");`);
    this.addSql(`create index "IDX_price_rule_attribute_value" on "price_rule" ("attribute", "value");`);
    this.addSql(`create unique index if not exists "IDX_price_rule_price_id_attribute_unique" on "price_rule" ("price_id", "attribute") where "deleted_at" is null;`);

    this.addSql(`alter table "price" add constraint "price_price_set_id_foreign" foreign key ("price_set_id") references "price_set" ("id") on delete cascade;`);

    this.addSql(`alter table "price_rule" add constraint "price_rule_price_id_foreign" foreign key ("price_id") references "price" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "price" drop constraint "price_price_set_id_foreign";`);
    this.addSql(`alter table "price_rule" drop constraint "price_rule_price_id_foreign";`);

    this.addSql(`drop table if exists "price_set" cascade;`);
    this.addSql(`drop table if exists "price" cascade;`);
    this.addSql(`drop table if exists "price_rule" cascade;`);
  }

}
