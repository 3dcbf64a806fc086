import { Migration } from '@mikro-orm/migrations';

export class Migration20261121110151 extends Migration {

  override name = 'Migration20261121110151';

  override up(): void | Promise<void> {
    this.addSql(`create table "brand" ("id" text not null, "name" text not null, "description" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "brand_deleted_at_index" on "brand" ("deleted_at");`);
    this.addSql(`create unique index if not exists "IDX_brand_name_unique" on "brand" ("name") where "deleted_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "brand" cascade;`);
  }

}
