CREATE TABLE "customer_class_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_class" text,
	"to_class" text,
	"source" text NOT NULL,
	"reason" jsonb,
	"note" text,
	"actor_id" uuid,
	"run_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_class_rules" (
	"version" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_class_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"quarter" text NOT NULL,
	"rules_version" integer NOT NULL,
	"total" integer NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"moved" integer DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"started_by_id" uuid,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "customer_measures" (
	"customer_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"revenue" numeric(14, 2) DEFAULT '0' NOT NULL,
	"payments" numeric(14, 2) DEFAULT '0' NOT NULL,
	"referrals" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_measures_customer_id_quarter_pk" PRIMARY KEY("customer_id","quarter")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tier" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tier_override" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tier_override_reason" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tier_override_until" date;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "customer_since" date;--> statement-breakpoint
ALTER TABLE "customer_class_changes" ADD CONSTRAINT "customer_class_changes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_class_rules" ADD CONSTRAINT "customer_class_rules_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_measures" ADD CONSTRAINT "customer_measures_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_class_changes_customer_idx" ON "customer_class_changes" USING btree ("customer_id","at");--> statement-breakpoint
CREATE INDEX "customer_measures_quarter_idx" ON "customer_measures" USING btree ("quarter");--> statement-breakpoint
CREATE INDEX "customers_tier_idx" ON "customers" USING btree ("tier","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);