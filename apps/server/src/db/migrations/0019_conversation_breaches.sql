ALTER TABLE "conversations" ADD COLUMN "first_response_breached_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "resolve_breached_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "conversations_first_due_idx" ON "conversations" USING btree ("first_response_due_at");