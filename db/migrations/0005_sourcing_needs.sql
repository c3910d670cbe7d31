CREATE TABLE "need_consortium" (
	"initiative_id" text PRIMARY KEY NOT NULL,
	"need_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "need_response" (
	"id" text PRIMARY KEY NOT NULL,
	"need_id" text NOT NULL,
	"firm_id" text,
	"initiative_id" text,
	"unit_price_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"quantity" integer NOT NULL,
	"lead_time_days" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"responded_by" text,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "need_response_who" CHECK (("need_response"."firm_id" is null) <> ("need_response"."initiative_id" is null))
);
--> statement-breakpoint
CREATE TABLE "sourcing_need" (
	"id" text PRIMARY KEY NOT NULL,
	"buyer_firm_id" text NOT NULL,
	"product" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sector" text NOT NULL,
	"link" text NOT NULL,
	"functions" text[] DEFAULT '{}'::text[] NOT NULL,
	"tier" integer NOT NULL,
	"volume" integer NOT NULL,
	"volume_period" text NOT NULL,
	"unit" text NOT NULL,
	"target_unit_price_minor" bigint,
	"currency" text NOT NULL,
	"certifications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivery_place" text DEFAULT '' NOT NULL,
	"delivery_country" text NOT NULL,
	"window_start" date,
	"window_end" date,
	"closing_date" date NOT NULL,
	"specifies" text NOT NULL,
	"designs_jointly" boolean DEFAULT false NOT NULL,
	"support_offered" text[] DEFAULT '{}'::text[] NOT NULL,
	"exclusivity" boolean DEFAULT false NOT NULL,
	"visibility" text DEFAULT 'all' NOT NULL,
	"network_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sourcing_need_volume_positive" CHECK ("sourcing_need"."volume" > 0),
	CONSTRAINT "sourcing_need_tier_range" CHECK ("sourcing_need"."tier" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "need_consortium" ADD CONSTRAINT "need_consortium_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_consortium" ADD CONSTRAINT "need_consortium_need_id_sourcing_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."sourcing_need"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_response" ADD CONSTRAINT "need_response_need_id_sourcing_need_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."sourcing_need"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_response" ADD CONSTRAINT "need_response_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_response" ADD CONSTRAINT "need_response_initiative_id_initiative_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "public"."initiative"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_response" ADD CONSTRAINT "need_response_responded_by_user_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "need_response" ADD CONSTRAINT "need_response_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_need" ADD CONSTRAINT "sourcing_need_buyer_firm_id_firm_id_fk" FOREIGN KEY ("buyer_firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sourcing_need" ADD CONSTRAINT "sourcing_need_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "need_consortium_need_idx" ON "need_consortium" USING btree ("need_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_response_firm_uq" ON "need_response" USING btree ("need_id","firm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "need_response_initiative_uq" ON "need_response" USING btree ("need_id","initiative_id");--> statement-breakpoint
CREATE INDEX "sourcing_need_status_idx" ON "sourcing_need" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sourcing_need_buyer_idx" ON "sourcing_need" USING btree ("buyer_firm_id");