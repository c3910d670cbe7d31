CREATE TABLE "fair" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"city" text NOT NULL,
	"country" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"organiser" text DEFAULT '' NOT NULL,
	"website" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fair_dates" CHECK ("fair"."ends_on" >= "fair"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "stand" (
	"initiative_id" text PRIMARY KEY NOT NULL,
	"fair_id" text NOT NULL,
	"area_dm2" integer NOT NULL,
	"frontage_dm" integer,
	"allocated_dm2" integer DEFAULT 0 NOT NULL,
	"min_area_dm2" integer DEFAULT 100 NOT NULL,
	"total_cost_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"split_rule" text DEFAULT 'by_area' NOT NULL,
	"fixed_fee_minor" bigint,
	"share_costs" boolean DEFAULT false NOT NULL,
	"share_leads" boolean DEFAULT false NOT NULL,
	"fair_notice_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stand_area_positive" CHECK ("stand"."area_dm2" > 0),
	CONSTRAINT "stand_not_overbooked" CHECK ("stand"."allocated_dm2" >= 0 and "stand"."allocated_dm2" <= "stand"."area_dm2"),
	CONSTRAINT "stand_min_area" CHECK ("stand"."min_area_dm2" > 0 and "stand"."min_area_dm2" <= "stand"."area_dm2"),
	CONSTRAINT "stand_cost" CHECK ("stand"."total_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stand_lead" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"firm_id" text NOT NULL,
	"buyer_name" text NOT NULL,
	"country" text NOT NULL,
	"buyer_type" text NOT NULL,
	"products" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"follow_up_on" date,
	"contact_email" text,
	"invitation_token" text,
	"invited_at" timestamp with time zone,
	"joined_firm_id" text,
	"logged_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stand_space" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"firm_id" text NOT NULL,
	"requested_dm2" integer NOT NULL,
	"granted_dm2" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"requested_by" text,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stand_space_requested_positive" CHECK ("stand_space"."requested_dm2" > 0),
	CONSTRAINT "stand_space_granted" CHECK (("stand_space"."status" in ('requested', 'confirmed') and "stand_space"."granted_dm2" > 0) or ("stand_space"."status" not in ('requested', 'confirmed') and "stand_space"."granted_dm2" = 0))
);
--> statement-breakpoint
CREATE TABLE "stand_subsidy" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"sponsor" text NOT NULL,
	"kind" text NOT NULL,
	"percent_bp" integer,
	"amount_minor" bigint,
	"cap_per_firm_minor" bigint,
	"max_employees" integer,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stand_subsidy_kind" CHECK (("stand_subsidy"."kind" = 'percent' and "stand_subsidy"."percent_bp" between 1 and 10000) or ("stand_subsidy"."kind" = 'fixed' and "stand_subsidy"."amount_minor" > 0))
);
--> statement-breakpoint
CREATE TABLE "stand_task" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"title" text NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"owner_user_id" text,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'todo' NOT NULL,
	"due_notice_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_club" (
	"initiative_id" text PRIMARY KEY NOT NULL,
	"period_kind" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_club_kpi" (
	"initiative_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benchmark_period" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"submission_due" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"due_notice_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "club_meeting" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"title" text NOT NULL,
	"host_firm_id" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"reminder_notice_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "club_meeting_times" CHECK ("club_meeting"."ends_at" > "club_meeting"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "kpi_definition" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text,
	"key" text,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"min_value" double precision NOT NULL,
	"max_value" double precision NOT NULL,
	"computation" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_definition_range" CHECK ("kpi_definition"."min_value" < "kpi_definition"."max_value")
);
--> statement-breakpoint
CREATE TABLE "kpi_reference" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_submission" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"firm_id" text NOT NULL,
	"value" double precision NOT NULL,
	"submitted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_action" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"description" text NOT NULL,
	"owner_firm_id" text,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" text NOT NULL,
	"user_id" text NOT NULL,
	"firm_id" text,
	"response" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_feed" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "fair" ADD CONSTRAINT "fair_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand" ADD CONSTRAINT "stand_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand" ADD CONSTRAINT "stand_fair_id_fair_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fair"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_lead" ADD CONSTRAINT "stand_lead_initiative_id_stand_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."stand"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_lead" ADD CONSTRAINT "stand_lead_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_lead" ADD CONSTRAINT "stand_lead_joined_firm_id_firm_id_fk" FOREIGN KEY ("joined_firm_id") REFERENCES "public"."firm"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_lead" ADD CONSTRAINT "stand_lead_logged_by_user_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_space" ADD CONSTRAINT "stand_space_initiative_id_stand_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."stand"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_space" ADD CONSTRAINT "stand_space_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_space" ADD CONSTRAINT "stand_space_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_space" ADD CONSTRAINT "stand_space_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_subsidy" ADD CONSTRAINT "stand_subsidy_initiative_id_stand_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."stand"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_task" ADD CONSTRAINT "stand_task_initiative_id_stand_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."stand"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_task" ADD CONSTRAINT "stand_task_owner_user_id_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stand_task" ADD CONSTRAINT "stand_task_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_club" ADD CONSTRAINT "benchmark_club_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_club_kpi" ADD CONSTRAINT "benchmark_club_kpi_initiative_id_benchmark_club_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."benchmark_club"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_club_kpi" ADD CONSTRAINT "benchmark_club_kpi_kpi_id_kpi_definition_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi_definition"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_period" ADD CONSTRAINT "benchmark_period_initiative_id_benchmark_club_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."benchmark_club"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_meeting" ADD CONSTRAINT "club_meeting_initiative_id_benchmark_club_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."benchmark_club"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_meeting" ADD CONSTRAINT "club_meeting_host_firm_id_firm_id_fk" FOREIGN KEY ("host_firm_id") REFERENCES "public"."firm"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_meeting" ADD CONSTRAINT "club_meeting_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_definition" ADD CONSTRAINT "kpi_definition_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_definition" ADD CONSTRAINT "kpi_definition_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reference" ADD CONSTRAINT "kpi_reference_period_id_benchmark_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."benchmark_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reference" ADD CONSTRAINT "kpi_reference_kpi_id_kpi_definition_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi_definition"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reference" ADD CONSTRAINT "kpi_reference_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_submission" ADD CONSTRAINT "kpi_submission_period_id_benchmark_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."benchmark_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_submission" ADD CONSTRAINT "kpi_submission_kpi_id_kpi_definition_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi_definition"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_submission" ADD CONSTRAINT "kpi_submission_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_submission" ADD CONSTRAINT "kpi_submission_submitted_by_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action" ADD CONSTRAINT "meeting_action_meeting_id_club_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."club_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action" ADD CONSTRAINT "meeting_action_owner_firm_id_firm_id_fk" FOREIGN KEY ("owner_firm_id") REFERENCES "public"."firm"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_club_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."club_meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feed" ADD CONSTRAINT "calendar_feed_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fair_starts_idx" ON "fair" USING btree ("starts_on");--> statement-breakpoint
CREATE INDEX "stand_fair_idx" ON "stand" USING btree ("fair_id");--> statement-breakpoint
CREATE INDEX "stand_lead_initiative_idx" ON "stand_lead" USING btree ("initiative_id","firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stand_lead_invitation_uq" ON "stand_lead" USING btree ("invitation_token");--> statement-breakpoint
CREATE UNIQUE INDEX "stand_space_active_uq" ON "stand_space" USING btree ("initiative_id","firm_id") WHERE "stand_space"."status" in ('requested', 'confirmed', 'waiting');--> statement-breakpoint
CREATE INDEX "stand_space_queue_idx" ON "stand_space" USING btree ("initiative_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "stand_subsidy_initiative_idx" ON "stand_subsidy" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "stand_task_initiative_idx" ON "stand_task" USING btree ("initiative_id","due_on");--> statement-breakpoint
CREATE INDEX "stand_task_due_idx" ON "stand_task" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_club_kpi_uq" ON "benchmark_club_kpi" USING btree ("initiative_id","kpi_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_period_uq" ON "benchmark_period" USING btree ("initiative_id","label");--> statement-breakpoint
CREATE INDEX "benchmark_period_due_idx" ON "benchmark_period" USING btree ("status","submission_due");--> statement-breakpoint
CREATE INDEX "club_meeting_initiative_idx" ON "club_meeting" USING btree ("initiative_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_definition_key_uq" ON "kpi_definition" USING btree ("key");--> statement-breakpoint
CREATE INDEX "kpi_definition_network_idx" ON "kpi_definition" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "kpi_reference_period_idx" ON "kpi_reference" USING btree ("period_id","kpi_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_submission_uq" ON "kpi_submission" USING btree ("period_id","kpi_id","firm_id");--> statement-breakpoint
CREATE INDEX "kpi_submission_firm_idx" ON "kpi_submission" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "meeting_action_meeting_idx" ON "meeting_action" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_attendance_uq" ON "meeting_attendance" USING btree ("meeting_id","user_id");