ALTER TABLE "customers" ADD COLUMN "phone_flagged_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_flag_note" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "phone_flagged_by_id" uuid;--> statement-breakpoint
CREATE INDEX "customers_phone_flagged_idx" ON "customers" USING btree ("phone_flagged_at","id") WHERE phone_flagged_at is not null;