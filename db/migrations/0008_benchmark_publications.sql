CREATE TABLE "benchmark_publication" (
	"id" text PRIMARY KEY NOT NULL,
	"period_id" text NOT NULL,
	"kpi_id" text NOT NULL,
	"n" integer NOT NULL,
	"p25" double precision,
	"median" double precision,
	"p75" double precision,
	"p10" double precision,
	"p90" double precision,
	"contributor_firm_ids" text[] NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text,
	CONSTRAINT "benchmark_publication_n" CHECK ("benchmark_publication"."n" >= 0),
	CONSTRAINT "benchmark_publication_quartiles" CHECK (("benchmark_publication"."p25" is null) = ("benchmark_publication"."median" is null) and ("benchmark_publication"."median" is null) = ("benchmark_publication"."p75" is null)),
	CONSTRAINT "benchmark_publication_tails" CHECK (("benchmark_publication"."p10" is null) = ("benchmark_publication"."p90" is null) and ("benchmark_publication"."p10" is null or "benchmark_publication"."median" is not null))
);
--> statement-breakpoint
ALTER TABLE "benchmark_period" ADD COLUMN "due_published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "benchmark_publication" ADD CONSTRAINT "benchmark_publication_period_id_benchmark_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."benchmark_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_publication" ADD CONSTRAINT "benchmark_publication_kpi_id_kpi_definition_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi_definition"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_publication" ADD CONSTRAINT "benchmark_publication_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_publication_uq" ON "benchmark_publication" USING btree ("period_id","kpi_id");