ALTER TABLE "conversations" ADD COLUMN "first_response_due_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "resolve_due_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "conversations_unanswered_idx" ON "conversations" USING btree ("team_id","created_at","id") WHERE first_response_at is null and status <> 'resolved';