CREATE TABLE "dispatch_cutoffs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"ticket_type" text NOT NULL,
	"at" text NOT NULL,
	"calendar_id" uuid,
	"alert" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"template" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
