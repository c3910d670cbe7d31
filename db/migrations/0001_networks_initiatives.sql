CREATE TABLE "network" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"currency" text NOT NULL,
	"notable_share_bp" integer DEFAULT 1000 NOT NULL,
	"warning_share_bp" integer DEFAULT 2500 NOT NULL,
	"critical_share_bp" integer DEFAULT 5000 NOT NULL,
	"hhi_moderate" integer DEFAULT 1500 NOT NULL,
	"hhi_high" integer DEFAULT 2500 NOT NULL,
	"systemic_share_bp" integer DEFAULT 2000 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_thresholds_ordered" CHECK (0 < "network"."notable_share_bp" and "network"."notable_share_bp" <= "network"."warning_share_bp" and "network"."warning_share_bp" <= "network"."critical_share_bp" and "network"."critical_share_bp" <= 10000 and 0 < "network"."hhi_moderate" and "network"."hhi_moderate" <= "network"."hhi_high" and "network"."hhi_high" <= 10000 and 0 < "network"."systemic_share_bp" and "network"."systemic_share_bp" <= 10000)
);
--> statement-breakpoint
CREATE TABLE "network_broker" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"email" text NOT NULL,
	"token" text NOT NULL,
	"invited_by" text,
	"accepted_at" timestamp with time zone,
	"accepted_by_firm" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_invitation_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "network_member" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"firm_id" text NOT NULL,
	"status" text NOT NULL,
	"consented_at" timestamp with time zone,
	"consented_by" text,
	"requested_by" text,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_member_active_consented" CHECK ("network_member"."status" <> 'active' or "network_member"."consented_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "activity" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"initiative_id" text,
	"actor_user_id" text,
	"actor_name" text NOT NULL,
	"firm_id" text,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_source" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"sponsor" text NOT NULL,
	"kind" text NOT NULL,
	"percent_bp" integer,
	"amount_minor" bigint,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "funding_source_kind" CHECK (("funding_source"."kind" = 'percent' and "funding_source"."percent_bp" between 1 and 10000) or ("funding_source"."kind" = 'fixed' and "funding_source"."amount_minor" > 0))
);
--> statement-breakpoint
CREATE TABLE "initiative" (
	"id" text PRIMARY KEY NOT NULL,
	"network_id" text NOT NULL,
	"objective" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"share_quantities" boolean DEFAULT false NOT NULL,
	"deadline_notice_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_budget" (
	"initiative_id" text PRIMARY KEY NOT NULL,
	"budget_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"split_rule" text DEFAULT 'equal' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_message" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"author_user_id" text,
	"author_name" text NOT NULL,
	"firm_name" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "initiative_participant" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"firm_id" text NOT NULL,
	"custom_weight" integer,
	"joined_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_buy" (
	"initiative_id" text PRIMARY KEY NOT NULL,
	"input_name" text NOT NULL,
	"specification" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"supplier_name" text NOT NULL,
	"currency" text NOT NULL,
	"price_breaks" jsonb NOT NULL,
	"minimum_quantity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "joint_buy_commitment" (
	"id" text PRIMARY KEY NOT NULL,
	"initiative_id" text NOT NULL,
	"firm_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_buy_commitment_positive" CHECK ("joint_buy_commitment"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "network" ADD CONSTRAINT "network_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_broker" ADD CONSTRAINT "network_broker_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_broker" ADD CONSTRAINT "network_broker_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_invitation" ADD CONSTRAINT "network_invitation_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_invitation" ADD CONSTRAINT "network_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_invitation" ADD CONSTRAINT "network_invitation_accepted_by_firm_firm_id_fk" FOREIGN KEY ("accepted_by_firm") REFERENCES "public"."firm"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_member" ADD CONSTRAINT "network_member_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_member" ADD CONSTRAINT "network_member_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_member" ADD CONSTRAINT "network_member_consented_by_user_id_fk" FOREIGN KEY ("consented_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_member" ADD CONSTRAINT "network_member_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_member" ADD CONSTRAINT "network_member_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_actor_user_id_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity" ADD CONSTRAINT "activity_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_source" ADD CONSTRAINT "funding_source_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative" ADD CONSTRAINT "initiative_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_budget" ADD CONSTRAINT "initiative_budget_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_message" ADD CONSTRAINT "initiative_message_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_message" ADD CONSTRAINT "initiative_message_author_user_id_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_participant" ADD CONSTRAINT "initiative_participant_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_participant" ADD CONSTRAINT "initiative_participant_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "initiative_participant" ADD CONSTRAINT "initiative_participant_joined_by_user_id_fk" FOREIGN KEY ("joined_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_buy" ADD CONSTRAINT "joint_buy_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_buy_commitment" ADD CONSTRAINT "joint_buy_commitment_initiative_id_joint_buy_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."joint_buy"("initiative_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_buy_commitment" ADD CONSTRAINT "joint_buy_commitment_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_buy_commitment" ADD CONSTRAINT "joint_buy_commitment_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_broker_uq" ON "network_broker" USING btree ("network_id","user_id");--> statement-breakpoint
CREATE INDEX "network_broker_user_idx" ON "network_broker" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "network_invitation_email_idx" ON "network_invitation" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "network_member_uq" ON "network_member" USING btree ("network_id","firm_id");--> statement-breakpoint
CREATE INDEX "network_member_firm_idx" ON "network_member" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "activity_network_idx" ON "activity" USING btree ("network_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_initiative_idx" ON "activity" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE INDEX "funding_source_initiative_idx" ON "funding_source" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "initiative_network_idx" ON "initiative" USING btree ("network_id");--> statement-breakpoint
CREATE INDEX "initiative_status_deadline_idx" ON "initiative" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "initiative_message_idx" ON "initiative_message" USING btree ("initiative_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "initiative_participant_uq" ON "initiative_participant" USING btree ("initiative_id","firm_id");--> statement-breakpoint
CREATE INDEX "initiative_participant_firm_idx" ON "initiative_participant" USING btree ("firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_buy_commitment_uq" ON "joint_buy_commitment" USING btree ("initiative_id","firm_id");