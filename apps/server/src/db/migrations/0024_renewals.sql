CREATE TABLE "customer_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"starts_at" date NOT NULL,
	"expires_at" date NOT NULL,
	"owner_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"price" numeric(14, 2),
	"note" text,
	"created_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewal_kinds" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"lead_amount" integer NOT NULL,
	"lead_unit" text NOT NULL,
	"tentative" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renewal_month_end_lists" (
	"month" text PRIMARY KEY NOT NULL,
	"items" jsonb NOT NULL,
	"count" integer NOT NULL,
	"recipient_ids" uuid[] NOT NULL,
	"sent_at" timestamp (3) with time zone NOT NULL,
	"sent_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "renewal_notices" (
	"service_id" uuid NOT NULL,
	"expires_at" date NOT NULL,
	"owner_id" uuid,
	"sent_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "renewal_notices_service_id_expires_at_pk" PRIMARY KEY("service_id","expires_at")
);
--> statement-breakpoint
CREATE TABLE "service_non_renewals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"expires_at" date NOT NULL,
	"reason_category" text NOT NULL,
	"reason" text NOT NULL,
	"report_back" text NOT NULL,
	"recorded_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"starts_at" date NOT NULL,
	"expires_at" date NOT NULL,
	"price" numeric(14, 2),
	"note" text,
	"recorded_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_transfer_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"receiving_party" text,
	"note" text,
	"requested_by_id" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"certificate_name" text,
	"certificate_type" text,
	"certificate_size" integer,
	"certificate_sha256" text,
	"certificate_key" text,
	"certificate_by_id" uuid,
	"certificate_at" timestamp (3) with time zone,
	"phone_called_by_id" uuid,
	"phone_number" text,
	"phone_called_at" timestamp (3) with time zone,
	"phone_outcome" text,
	"phone_note" text,
	"decided_by_id" uuid,
	"decided_at" timestamp (3) with time zone,
	"reject_reason" text
);
--> statement-breakpoint
ALTER TABLE "customer_services" ADD CONSTRAINT "customer_services_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_services" ADD CONSTRAINT "customer_services_kind_renewal_kinds_key_fk" FOREIGN KEY ("kind") REFERENCES "public"."renewal_kinds"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_services" ADD CONSTRAINT "customer_services_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_services" ADD CONSTRAINT "customer_services_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_month_end_lists" ADD CONSTRAINT "renewal_month_end_lists_sent_by_id_users_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_notices" ADD CONSTRAINT "renewal_notices_service_id_customer_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."customer_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_notices" ADD CONSTRAINT "renewal_notices_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_non_renewals" ADD CONSTRAINT "service_non_renewals_service_id_customer_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."customer_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_non_renewals" ADD CONSTRAINT "service_non_renewals_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_periods" ADD CONSTRAINT "service_periods_service_id_customer_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."customer_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_periods" ADD CONSTRAINT "service_periods_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_transfer_requests" ADD CONSTRAINT "service_transfer_requests_service_id_customer_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."customer_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_transfer_requests" ADD CONSTRAINT "service_transfer_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_transfer_requests" ADD CONSTRAINT "service_transfer_requests_certificate_by_id_users_id_fk" FOREIGN KEY ("certificate_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_transfer_requests" ADD CONSTRAINT "service_transfer_requests_phone_called_by_id_users_id_fk" FOREIGN KEY ("phone_called_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_transfer_requests" ADD CONSTRAINT "service_transfer_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_services_expires_idx" ON "customer_services" USING btree ("expires_at","id");--> statement-breakpoint
CREATE INDEX "customer_services_customer_idx" ON "customer_services" USING btree ("customer_id","expires_at");--> statement-breakpoint
CREATE INDEX "customer_services_owner_idx" ON "customer_services" USING btree ("owner_id","expires_at");--> statement-breakpoint
CREATE INDEX "service_non_renewals_created_idx" ON "service_non_renewals" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "service_periods_service_idx" ON "service_periods" USING btree ("service_id","starts_at");--> statement-breakpoint
CREATE INDEX "service_transfer_requests_status_idx" ON "service_transfer_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "service_transfer_requests_service_idx" ON "service_transfer_requests" USING btree ("service_id");