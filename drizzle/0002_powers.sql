CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"function_id" uuid NOT NULL,
	"holder_kind" text NOT NULL,
	"person_id" uuid,
	"holder_name" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"restoration_id" uuid,
	"reason" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "commissioner_appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"person_id" uuid,
	"role" text NOT NULL,
	"appointed_by" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "council_functions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"service" text NOT NULL,
	"portfolio" text,
	"council_holder" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"function_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"title" text NOT NULL,
	"meeting" text NOT NULL,
	"meeting_public" boolean NOT NULL,
	"report" text NOT NULL,
	"proposed_by_id" uuid,
	"proposal" text,
	"decided_by_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "direction_provisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"direction_id" uuid NOT NULL,
	"function_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "directions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issued_by" text NOT NULL,
	"made_on" date NOT NULL,
	"in_force_from" date NOT NULL,
	"in_force_until" date,
	"supersedes_id" uuid,
	"legal_basis" text NOT NULL,
	"body" text NOT NULL,
	"source" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "representations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"restoration_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"from_whom" text NOT NULL,
	"summary" text NOT NULL,
	"response" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "restoration_functions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"restoration_id" uuid NOT NULL,
	"function_id" uuid NOT NULL,
	"service_met" boolean NOT NULL,
	"service_evidence" text NOT NULL,
	"leadership_met" boolean NOT NULL,
	"leadership_evidence" text NOT NULL,
	"assurance_met" boolean NOT NULL,
	"assurance_evidence" text NOT NULL,
	"councillors_met" boolean NOT NULL,
	"councillors_evidence" text NOT NULL,
	"returns_to_kind" text NOT NULL,
	"returns_to_person_id" uuid,
	"returns_to_name" text NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "restoration_pauses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"restoration_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"paused_on" date NOT NULL,
	"detail" text NOT NULL,
	"resolved_on" date,
	"resolution" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "restoration_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"restoration_id" uuid NOT NULL,
	"step" text NOT NULL,
	"completed_on" date NOT NULL,
	"outcome" text NOT NULL,
	"people" text NOT NULL,
	"documents" text NOT NULL,
	"notes" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
CREATE TABLE "restorations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"opened_on" date NOT NULL,
	"proposed_effective_date" date NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text
);
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_function_id_council_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."council_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_appointments" ADD CONSTRAINT "commissioner_appointments_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commissioner_appointments" ADD CONSTRAINT "commissioner_appointments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_functions" ADD CONSTRAINT "council_functions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_function_id_council_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."council_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_proposed_by_id_people_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direction_provisions" ADD CONSTRAINT "direction_provisions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direction_provisions" ADD CONSTRAINT "direction_provisions_direction_id_directions_id_fk" FOREIGN KEY ("direction_id") REFERENCES "public"."directions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "direction_provisions" ADD CONSTRAINT "direction_provisions_function_id_council_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."council_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directions" ADD CONSTRAINT "directions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representations" ADD CONSTRAINT "representations_restoration_id_restorations_id_fk" FOREIGN KEY ("restoration_id") REFERENCES "public"."restorations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_functions" ADD CONSTRAINT "restoration_functions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_functions" ADD CONSTRAINT "restoration_functions_restoration_id_restorations_id_fk" FOREIGN KEY ("restoration_id") REFERENCES "public"."restorations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_functions" ADD CONSTRAINT "restoration_functions_function_id_council_functions_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."council_functions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_functions" ADD CONSTRAINT "restoration_functions_returns_to_person_id_people_id_fk" FOREIGN KEY ("returns_to_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_pauses" ADD CONSTRAINT "restoration_pauses_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_pauses" ADD CONSTRAINT "restoration_pauses_restoration_id_restorations_id_fk" FOREIGN KEY ("restoration_id") REFERENCES "public"."restorations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_steps" ADD CONSTRAINT "restoration_steps_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restoration_steps" ADD CONSTRAINT "restoration_steps_restoration_id_restorations_id_fk" FOREIGN KEY ("restoration_id") REFERENCES "public"."restorations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restorations" ADD CONSTRAINT "restorations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_function_idx" ON "allocations" USING btree ("council_id","function_id","from_date");--> statement-breakpoint
CREATE INDEX "commissioner_appointments_council_idx" ON "commissioner_appointments" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "council_functions_code_idx" ON "council_functions" USING btree ("council_id","code");--> statement-breakpoint
CREATE INDEX "decisions_council_date_idx" ON "decisions" USING btree ("council_id","decided_on");--> statement-breakpoint
CREATE INDEX "decisions_function_idx" ON "decisions" USING btree ("function_id","decided_on");--> statement-breakpoint
CREATE INDEX "decisions_proposer_idx" ON "decisions" USING btree ("proposed_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "direction_provisions_idx" ON "direction_provisions" USING btree ("direction_id","function_id");--> statement-breakpoint
CREATE INDEX "direction_provisions_function_idx" ON "direction_provisions" USING btree ("council_id","function_id");--> statement-breakpoint
CREATE INDEX "directions_council_idx" ON "directions" USING btree ("council_id","in_force_from");--> statement-breakpoint
CREATE UNIQUE INDEX "restoration_functions_idx" ON "restoration_functions" USING btree ("restoration_id","function_id");--> statement-breakpoint
CREATE UNIQUE INDEX "restoration_steps_idx" ON "restoration_steps" USING btree ("restoration_id","step");--> statement-breakpoint
CREATE INDEX "restorations_council_idx" ON "restorations" USING btree ("council_id");