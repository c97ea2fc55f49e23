ALTER TABLE "outbox_events" ADD COLUMN "available_at" timestamp (3) with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "outbox_events" ADD COLUMN "failed_at" timestamp (3) with time zone;--> statement-breakpoint
-- Events the old dispatcher had handed to listener jobs that had not run yet go back to the outbox for the consumer
-- (only those none of whose listeners ran, so nothing is done twice); the old listener jobs are cancelled.
UPDATE "outbox_events" SET "processed_at" = NULL WHERE "id" IN (
  SELECT ("payload"->>'id')::bigint FROM "jobs" WHERE "kind" IN ('routing.evaluate', 'sla.start', 'sla.track', 'callbacks.schedule') AND "status" = 'pending'
  EXCEPT
  SELECT ("payload"->>'id')::bigint FROM "jobs" WHERE "kind" IN ('routing.evaluate', 'sla.start', 'sla.track', 'callbacks.schedule') AND "status" <> 'pending'
);--> statement-breakpoint
UPDATE "jobs" SET "status" = 'cancelled', "finished_at" = now(), "dedupe_key" = NULL
WHERE "kind" IN ('routing.evaluate', 'sla.start', 'sla.track', 'callbacks.schedule') AND "status" = 'pending';
