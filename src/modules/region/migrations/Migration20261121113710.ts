import { Migration } from '@mikro-orm/migrations';
import { COUNTRIES } from '../countries.ts';

export class Migration20261121113710 extends Migration {

  override name = 'Migration20261121113710';

  override up(): void | Promise<void> {
    this.addSql(`create table "region" ("id" text not null, "name" text not null, "currency_code" text not null, "automatic_taxes" boolean not null default true, "is_tax_inclusive" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "region_deleted_at_index" on "region" ("deleted_at");`);

    this.addSql(`create table "region_country" ("iso_2" text not null, "iso_3" text not null, "num_code" text not null, "name" text not null, "display_name" text not null, "region_id" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("iso_2"));`);
    this.addSql(`create index "region_country_region_id_index" on "region_country" ("region_id");`);
    this.addSql(`create index "region_country_deleted_at_index" on "region_country" ("deleted_at");`);

    this.addSql(`alter table "region_country" add constraint "region_country_region_id_foreign" foreign key ("region_id") references "region" ("id") on delete set null;`);

    // Every country exists from the start, without a region; regions claim them.
    const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
    const rows = COUNTRIES.map(([iso2, iso3, numCode, name, displayName]) =>
      `(${[iso2, iso3, numCode, name.toUpperCase(), displayName].map(literal).join(', ')})`);
    this.addSql(`insert into "region_country" ("iso_2", "iso_3", "num_code", "name", "display_name") values ${rows.join(', ')} on conflict do nothing;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "region_country" drop constraint "region_country_region_id_foreign";`);

    this.addSql(`drop table if exists "region" cascade;`);
    this.addSql(`drop table if exists "region_country" cascade;`);
  }

}
