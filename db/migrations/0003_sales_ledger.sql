CREATE TABLE "exchange_rate" (
	"id" text PRIMARY KEY NOT NULL,
	"currency" text NOT NULL,
	"base_currency" text NOT NULL,
	"rate" numeric(24, 10) NOT NULL,
	"valid_from" date NOT NULL,
	"set_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_rate_positive" CHECK ("exchange_rate"."rate" > 0)
);
--> statement-breakpoint
CREATE TABLE "sales_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"firm_id" text NOT NULL,
	"period" text NOT NULL,
	"customer_firm_id" text,
	"customer_name" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"market" text NOT NULL,
	"channel" text NOT NULL,
	"agent_name" text,
	"governance" text,
	"exclusivity" boolean DEFAULT false NOT NULL,
	"expected" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sales_entry_period_format" CHECK ("sales_entry"."period" ~ '^[0-9]{4}(-Q[1-4])?$'),
	CONSTRAINT "sales_entry_amount_positive" CHECK ("sales_entry"."amount_minor" > 0),
	CONSTRAINT "sales_entry_agent" CHECK (("sales_entry"."channel" = 'agent') = ("sales_entry"."agent_name" is not null))
);
--> statement-breakpoint
ALTER TABLE "exchange_rate" ADD CONSTRAINT "exchange_rate_set_by_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_entry" ADD CONSTRAINT "sales_entry_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_entry" ADD CONSTRAINT "sales_entry_customer_firm_id_firm_id_fk" FOREIGN KEY ("customer_firm_id") REFERENCES "public"."firm"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_entry" ADD CONSTRAINT "sales_entry_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_rate_uq" ON "exchange_rate" USING btree ("currency","base_currency","valid_from");--> statement-breakpoint
CREATE INDEX "sales_entry_firm_period_idx" ON "sales_entry" USING btree ("firm_id","period");--> statement-breakpoint
CREATE INDEX "sales_entry_customer_idx" ON "sales_entry" USING btree ("customer_firm_id");