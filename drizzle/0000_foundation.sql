CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid,
	"password_hash" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"council_id" uuid GENERATED ALWAYS AS ((((body)::json ->> 'councilId'))::uuid) STORED,
	"entity_type" text GENERATED ALWAYS AS (((body)::json ->> 'entityType')) STORED,
	"entity_id" text GENERATED ALWAYS AS (((body)::json ->> 'entityId')) STORED
);
--> statement-breakpoint
CREATE TABLE "councils" (
	"id" uuid PRIMARY KEY NOT NULL,
	"gss_code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	CONSTRAINT "councils_gss_code_unique" UNIQUE("gss_code")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"public_role" text NOT NULL,
	"party" text,
	"from_date" date,
	"to_date" date,
	"source" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_council_idx" ON "users" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "ledger_entity_idx" ON "ledger_entries" USING btree ("entity_type","entity_id","seq");--> statement-breakpoint
CREATE INDEX "ledger_council_idx" ON "ledger_entries" USING btree ("council_id","seq");--> statement-breakpoint
CREATE INDEX "people_council_idx" ON "people" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_council_name_role_idx" ON "people" USING btree ("council_id","name","public_role");