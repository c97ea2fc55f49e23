CREATE TABLE "callback_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"result" text NOT NULL,
	"duration_seconds" integer DEFAULT 0 NOT NULL,
	"satisfaction" text,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"note" text,
	"appointment_at" timestamp (3) with time zone,
	"quiet_hours" boolean DEFAULT false NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"callback_type" text NOT NULL,
	"filter" jsonb NOT NULL,
	"team_id" uuid NOT NULL,
	"script_id" uuid,
	"calendar_id" uuid,
	"due_within" jsonb NOT NULL,
	"coverage_required" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"customer_count" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"kind" text NOT NULL,
	"callback_type" text NOT NULL,
	"trigger_status" text DEFAULT 'resolved' NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"anchor_field" text,
	"steps" jsonb NOT NULL,
	"calendar_id" uuid,
	"script_id" uuid,
	"assignee" jsonb NOT NULL,
	"channels" text[] NOT NULL,
	"coverage_required" boolean DEFAULT false NOT NULL,
	"send_survey" boolean DEFAULT false NOT NULL,
	"target_minutes" integer DEFAULT 5 NOT NULL,
	"template" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_scripts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"opening" text NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"branches" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid,
	"campaign_id" uuid,
	"source" text NOT NULL,
	"callback_type" text NOT NULL,
	"step" text NOT NULL,
	"ticket_id" uuid,
	"customer_id" uuid NOT NULL,
	"assignee_id" uuid,
	"team_id" uuid,
	"script_id" uuid,
	"calendar_id" uuid,
	"round" integer DEFAULT 1 NOT NULL,
	"available_at" timestamp (3) with time zone NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"appointment_at" timestamp (3) with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"reason" text,
	"coverage_required" boolean DEFAULT false NOT NULL,
	"target_minutes" integer DEFAULT 5 NOT NULL,
	"attempt_count" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp (3) with time zone,
	"overdue_at" timestamp (3) with time zone,
	"done_at" timestamp (3) with time zone,
	"closed_by_id" uuid,
	"closed_reason" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quiet_hour_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_class" text,
	"windows" jsonb NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"ticket_id" uuid,
	"agent_id" uuid,
	"channel" text NOT NULL,
	"address" text,
	"token_hash" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"sent_at" timestamp (3) with time zone,
	"send_error" text,
	"reminded_at" timestamp (3) with time zone,
	"answered_at" timestamp (3) with time zone,
	"rating" integer,
	"score" real,
	"answers" jsonb,
	"comment" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"scale" integer DEFAULT 5 NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"valid_days" integer DEFAULT 7 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "system_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "callback_attempts_task_idx" ON "callback_attempts" USING btree ("task_id","at");--> statement-breakpoint
CREATE INDEX "callback_tasks_assignee_open_idx" ON "callback_tasks" USING btree ("assignee_id","due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "callback_tasks_ticket_idx" ON "callback_tasks" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "callback_tasks_customer_idx" ON "callback_tasks" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "callback_tasks_due_idx" ON "callback_tasks" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "callback_tasks_campaign_idx" ON "callback_tasks" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiet_hour_rules_class_idx" ON "quiet_hour_rules" USING btree (coalesce("customer_class", ''));--> statement-breakpoint
CREATE INDEX "survey_invitations_survey_idx" ON "survey_invitations" USING btree ("survey_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_ticket_idx" ON "survey_invitations" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_customer_idx" ON "survey_invitations" USING btree ("customer_id");