CREATE TABLE "customer_import_rows" (
	"run_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"data" jsonb,
	"raw" jsonb,
	"errors" jsonb,
	CONSTRAINT "customer_import_rows_run_id_row_no_pk" PRIMARY KEY("run_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "customer_import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"dry_run" boolean NOT NULL,
	"file_name" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"measures" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"ignored_columns" text[] DEFAULT '{}'::text[] NOT NULL,
	"cursor" integer DEFAULT 0 NOT NULL,
	"started_by_id" uuid,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "customer_import_rows" ADD CONSTRAINT "customer_import_rows_run_id_customer_import_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."customer_import_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_import_runs_started_idx" ON "customer_import_runs" USING btree ("started_at" DESC NULLS LAST);