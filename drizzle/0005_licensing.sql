CREATE TABLE "licence_gate_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"licence_id" uuid NOT NULL,
	"action" text NOT NULL,
	"attempted_on" date NOT NULL,
	"allowed" boolean NOT NULL,
	"problems" text[] NOT NULL,
	"new_end_on" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licence_holders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"date_of_birth" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"status_from" date,
	"conditions" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licensing_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"done_on" date NOT NULL,
	"outcome" text NOT NULL,
	"certificate_number" text,
	"barred_lists" text[] NOT NULL,
	"course" text,
	"valid_until" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licensing_register_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"licence_id" uuid NOT NULL,
	"action" text NOT NULL,
	"decided_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"reasons" text NOT NULL,
	"name" text NOT NULL,
	"date_of_birth" date,
	"licence_number" text NOT NULL,
	"licence_kind" text NOT NULL,
	"review_decision_id" uuid,
	"name_words" text[] NOT NULL,
	"licence_number_key" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licensing_register_searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"searched_at" timestamp with time zone NOT NULL,
	"name" text,
	"date_of_birth" date,
	"licence_number" text,
	"found" integer NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licensing_review_cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"holder_id" uuid NOT NULL,
	"licence_id" uuid,
	"function_id" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"source" text NOT NULL,
	"risk" text NOT NULL,
	"information" text NOT NULL,
	"investigation_started_on" date,
	"closed_on" date,
	"closed_reason" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licensing_review_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"hearing_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"proposed_outcome" text,
	"proposed_by_person_id" uuid,
	"outcome" text NOT NULL,
	"reasons" text NOT NULL,
	"effective_on" date NOT NULL,
	"immediate" boolean NOT NULL,
	"suspension_days" integer,
	"decided_by_person_id" uuid NOT NULL,
	"powers_decision_id" uuid NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licensing_review_hearings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"scheduled_on" date NOT NULL,
	"hearing_on" date NOT NULL,
	"adjourned_on" date,
	"adjourned_reason" text,
	"panel_person_ids" uuid[] NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "licensing_vehicle_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"announced" boolean NOT NULL,
	"result" text NOT NULL,
	"notes" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
ALTER TABLE "licence_gate_attempts" ADD CONSTRAINT "licence_gate_attempts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_gate_attempts" ADD CONSTRAINT "licence_gate_attempts_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_holders" ADD CONSTRAINT "licence_holders_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_holder_id_licence_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."licence_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_checks" ADD CONSTRAINT "licensing_checks_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_checks" ADD CONSTRAINT "licensing_checks_holder_id_licence_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."licence_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_register_entries" ADD CONSTRAINT "licensing_register_entries_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_register_entries" ADD CONSTRAINT "licensing_register_entries_holder_id_licence_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."licence_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_register_entries" ADD CONSTRAINT "licensing_register_entries_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_register_searches" ADD CONSTRAINT "licensing_register_searches_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_cases" ADD CONSTRAINT "licensing_review_cases_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_cases" ADD CONSTRAINT "licensing_review_cases_holder_id_licence_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."licence_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_cases" ADD CONSTRAINT "licensing_review_cases_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_cases" ADD CONSTRAINT "licensing_review_cases_function_id_council_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."council_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_decisions" ADD CONSTRAINT "licensing_review_decisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_decisions" ADD CONSTRAINT "licensing_review_decisions_case_id_licensing_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."licensing_review_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_decisions" ADD CONSTRAINT "licensing_review_decisions_hearing_id_licensing_review_hearings_id_fk" FOREIGN KEY ("hearing_id") REFERENCES "public"."licensing_review_hearings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_decisions" ADD CONSTRAINT "licensing_review_decisions_proposed_by_person_id_people_id_fk" FOREIGN KEY ("proposed_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_decisions" ADD CONSTRAINT "licensing_review_decisions_decided_by_person_id_people_id_fk" FOREIGN KEY ("decided_by_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_decisions" ADD CONSTRAINT "licensing_review_decisions_powers_decision_id_decisions_id_fk" FOREIGN KEY ("powers_decision_id") REFERENCES "public"."decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_hearings" ADD CONSTRAINT "licensing_review_hearings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_review_hearings" ADD CONSTRAINT "licensing_review_hearings_case_id_licensing_review_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."licensing_review_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_vehicle_checks" ADD CONSTRAINT "licensing_vehicle_checks_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licensing_vehicle_checks" ADD CONSTRAINT "licensing_vehicle_checks_holder_id_licence_holders_id_fk" FOREIGN KEY ("holder_id") REFERENCES "public"."licence_holders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "licence_gate_attempts_licence_idx" ON "licence_gate_attempts" USING btree ("licence_id");--> statement-breakpoint
CREATE INDEX "licence_holders_council_idx" ON "licence_holders" USING btree ("council_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_number_idx" ON "licences" USING btree ("council_id","number");--> statement-breakpoint
CREATE INDEX "licences_holder_idx" ON "licences" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "licensing_checks_holder_idx" ON "licensing_checks" USING btree ("holder_id","kind","done_on");--> statement-breakpoint
CREATE INDEX "licensing_register_words_idx" ON "licensing_register_entries" USING gin ("name_words");--> statement-breakpoint
CREATE INDEX "licensing_register_dob_idx" ON "licensing_register_entries" USING btree ("council_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "licensing_register_number_idx" ON "licensing_register_entries" USING btree ("council_id","licence_number_key");--> statement-breakpoint
CREATE UNIQUE INDEX "licensing_review_cases_ref_idx" ON "licensing_review_cases" USING btree ("council_id","reference");--> statement-breakpoint
CREATE INDEX "licensing_review_cases_holder_idx" ON "licensing_review_cases" USING btree ("holder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licensing_review_decisions_case_idx" ON "licensing_review_decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "licensing_review_hearings_case_idx" ON "licensing_review_hearings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "licensing_vehicle_checks_council_idx" ON "licensing_vehicle_checks" USING btree ("council_id","checked_on");