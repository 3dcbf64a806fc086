import { Migration } from '@mikro-orm/migrations';

export class Migration20261121113830 extends Migration {

  override name = 'Migration20261121113830';

  override up(): void | Promise<void> {
    this.addSql(`create table "payment_collection" ("id" text not null, "currency_code" text not null, "amount" numeric not null, "authorized_amount" numeric not null default '0', "captured_amount" numeric not null default '0', "refunded_amount" numeric not null default '0', "status" text not null default 'not_paid', "completed_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "payment_collection_deleted_at_index" on "payment_collection" ("deleted_at");`);

    this.addSql(`create table "payment_provider" ("id" text not null, "is_enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "payment_provider_deleted_at_index" on "payment_provider" ("deleted_at");`);

    this.addSql(`create table "payment_session" ("id" text not null, "currency_code" text not null, "amount" numeric not null, "provider_id" text not null, "data" jsonb not null, "context" jsonb null, "status" text not null default 'pending', "authorized_at" timestamptz null, "metadata" jsonb null, "payment_collection_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "payment_session_payment_collection_id_index" on "payment_session" ("payment_collection_id");`);
    this.addSql(`create index "payment_session_deleted_at_index" on "payment_session" ("deleted_at");`);

    this.addSql(`create table "payment" ("id" text not null, "amount" numeric not null, "currency_code" text not null, "provider_id" text not null, "data" jsonb null, "captured_at" timestamptz null, "canceled_at" timestamptz null, "metadata" jsonb null, "payment_collection_id" text not null, "payment_session_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "payment_payment_collection_id_index" on "payment" ("payment_collection_id");`);
    this.addSql(`create index "payment_payment_session_id_index" on "payment" ("payment_session_id");`);
    this.addSql(`create index "payment_deleted_at_index" on "payment" ("deleted_at");`);

    this.addSql(`create table "capture" ("id" text not null, "amount" numeric not null, "created_by" text null, "metadata" jsonb null, "payment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "capture_payment_id_index" on "capture" ("payment_id");`);
    this.addSql(`create index "capture_deleted_at_index" on "capture" ("deleted_at");`);

    this.addSql(`create table "refund" ("id" text not null, "amount" numeric not null, "note" text null, "created_by" text null, "metadata" jsonb null, "payment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "refund_payment_id_index" on "refund" ("payment_id");`);
    this.addSql(`create index "refund_deleted_at_index" on "refund" ("deleted_at");`);

    this.addSql(`alter table "payment_collection" add constraint "payment_collection_status_check" check ("status" in ('not_paid', 'awaiting', 'authorized', 'partially_authorized', 'canceled', 'completed', 'failed'));`);

    this.addSql(`alter table "payment_session" add constraint "payment_session_payment_collection_id_foreign" foreign key ("payment_collection_id") references "payment_collection" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_session" add constraint "payment_session_status_check" check ("status" in ('pending', 'requires_more', 'authorized', 'captured', 'error', 'canceled', 'pending_authorization'));`);

    this.addSql(`alter table "payment" add constraint "payment_payment_collection_id_foreign" foreign key ("payment_collection_id") references "payment_collection" ("id") on delete cascade;`);
    this.addSql(`alter table "payment" add constraint "payment_payment_session_id_foreign" foreign key ("payment_session_id") references "payment_session" ("id") on delete cascade;`);

    this.addSql(`alter table "capture" add constraint "capture_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete cascade;`);

    this.addSql(`alter table "refund" add constraint "refund_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payment_session" drop constraint "payment_session_payment_collection_id_foreign";`);
    this.addSql(`alter table "payment" drop constraint "payment_payment_collection_id_foreign";`);
    this.addSql(`alter table "payment" drop constraint "payment_payment_session_id_foreign";`);
    this.addSql(`alter table "capture" drop constraint "capture_payment_id_foreign";`);
    this.addSql(`alter table "refund" drop constraint "refund_payment_id_foreign";`);

    this.addSql(`drop table if exists "payment_collection" cascade;`);
    this.addSql(`drop table if exists "payment_provider" cascade;`);
    this.addSql(`drop table if exists "payment_session" cascade;`);
    this.addSql(`drop table if exists "payment" cascade;`);
    this.addSql(`drop table if exists "capture" cascade;`);
    this.addSql(`drop table if exists "refund" cascade;`);
  }

}
