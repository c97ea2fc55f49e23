ALTER TABLE "ticket_notes" ADD COLUMN "file" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "rating_scale" integer;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "rating_score" real;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "visitor_ended_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_visitor_token_idx" ON "conversations" USING btree ("visitor_token_hash");