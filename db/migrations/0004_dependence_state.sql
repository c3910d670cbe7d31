CREATE TABLE "dependence_state" (
	"firm_id" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"period" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dependence_state" ADD CONSTRAINT "dependence_state_firm_id_firm_id_fk" FOREIGN KEY ("firm_id") REFERENCES "public"."firm"("id") ON DELETE cascade ON UPDATE no action;