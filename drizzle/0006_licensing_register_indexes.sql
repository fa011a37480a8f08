DROP INDEX "licensing_register_words_idx";--> statement-breakpoint
DROP INDEX "licensing_register_dob_idx";--> statement-breakpoint
DROP INDEX "licensing_register_number_idx";--> statement-breakpoint
CREATE INDEX "licensing_register_holder_idx" ON "licensing_register_entries" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "licensing_register_words_idx" ON "licensing_register_entries" USING gin ("name_words") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "licensing_register_dob_idx" ON "licensing_register_entries" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "licensing_register_number_idx" ON "licensing_register_entries" USING btree ("licence_number_key");