CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" text DEFAULT 'sme' NOT NULL,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "firm" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"website" text,
	"country" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"sector" text NOT NULL,
	"employees" integer,
	"turnover_minor" bigint,
	"turnover_currency" text,
	"link" text,
	"tier" integer,
	"functions" text[] DEFAULT '{}'::text[] NOT NULL,
	"role_ladder" text,
	"upgrading_goals" text[] DEFAULT '{}'::text[] NOT NULL,
	"buyer_type" text,
	"usual_governance" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "firm_tier_range" CHECK ("firm"."tier" is null or "firm"."tier" between 1 and 4),
	CONSTRAINT "firm_turnover_currency" CHECK (("firm"."turnover_minor" is null) = ("firm"."turnover_currency" is null))
);
--> statement-breakpoint
CREATE TABLE "firm_capacity" (
	"id" text PRIMARY KEY NOT NULL,
	"firm_id" text NOT NULL,
	"product" text NOT NULL,
	"units_per_month" integer NOT NULL,
	"unit" text NOT NULL,
	"lead_time_days" integer NOT NULL,
	CONSTRAINT "firm_capacity_positive" CHECK ("firm_capacity"."units_per_month" > 0 and "firm_capacity"."lead_time_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "firm_certification" (
	"id" text PRIMARY KEY NOT NULL,
	"firm_id" text NOT NULL,
	"code" text NOT NULL,
	"expires_on" date
);
--> statement-breakpoint
CREATE TABLE "firm_member" (
	"id" text PRIMARY KEY NOT NULL,
	"firm_id" text NOT NULL,
	"user_id" text NOT NULL,
	"status" text NOT NULL,
	"is_owner" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"href" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_capacity" ADD CONSTRAINT "firm_capacity_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_certification" ADD CONSTRAINT "firm_certification_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_member" ADD CONSTRAINT "firm_member_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "firm_member" ADD CONSTRAINT "firm_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "firm_kind_idx" ON "firm" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "firm_country_idx" ON "firm" USING btree ("country");--> statement-breakpoint
CREATE INDEX "firm_sector_idx" ON "firm" USING btree ("sector");--> statement-breakpoint
CREATE INDEX "firm_capacity_firm_idx" ON "firm_capacity" USING btree ("firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "firm_certification_uq" ON "firm_certification" USING btree ("firm_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "firm_member_user_uq" ON "firm_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "firm_member_firm_idx" ON "firm_member" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at");