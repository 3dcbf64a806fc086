import { Migration } from '@mikro-orm/migrations';

export class Migration20261121114155 extends Migration {

  override name = 'Migration20261121114155';

  override up(): void | Promise<void> {
    this.addSql(`create table "customer" ("id" text not null, "email" text null, "first_name" text null, "last_name" text null, "phone" text null, "company_name" text null, "has_account" boolean not null default false, "created_by" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "customer_email_index" on "customer" ("email");`);
    this.addSql(`create index "customer_deleted_at_index" on "customer" ("deleted_at");`);

    this.addSql(`create table "customer_address" ("id" text not null, "address_name" text null, "is_default_shipping" boolean not null default false, "is_default_billing" boolean not null default false, "company" text null, "first_name" text null, "last_name" text null, "address_1" text null, "address_2" text null, "city" text null, "country_code" text null, "province" text null, "postal_code" text null, "phone" text null, "metadata" jsonb null, "customer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "customer_address_customer_id_index" on "customer_address" ("customer_id");`);
    this.addSql(`create index "customer_address_deleted_at_index" on "customer_address" ("deleted_at");`);

    // The model DSL has no partial indexes: these are added by hand. One registered customer per email
    // (guests may share it), and at most one default shipping and one default billing address per customer.
    this.addSql(`create unique index if not exists "IDX_customer_email_has_account_unique" on "customer" ("email") where "has_account" and "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_customer_address_default_shipping_unique" on "customer_address" ("customer_id", "is_default_shipping") where "is_default_shipping" and "deleted_at" is null;`);
    this.addSql(`create unique index if not exists "IDX_customer_address_default_billing_unique" on "customer_address" ("customer_id", "is_default_billing") where "is_default_billing" and "deleted_at" is null;`);

    this.addSql(`alter table "customer_address" add constraint "customer_address_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "customer_address" drop constraint "customer_address_customer_id_foreign";`);

    this.addSql(`drop table if exists "customer" cascade;`);
    this.addSql(`drop table if exists "customer_address" cascade;`);
  }

}
