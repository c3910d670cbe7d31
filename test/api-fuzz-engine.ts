import fc from "fast-check";
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../db/client";
import { errorResponse } from "../server/api/responses-common";
import { ROLES, type Role, type World } from "./authz-world";

/**
 * The API fuzzer: requests for one /api/v1 operation generated from its OpenAPI description
 * with fast-check. Mostly almost-valid requests with one field spoiled (wrong type, huge or
 * unicode string, NUL, negative/NaN/huge number, missing, extra), some valid ones, some wrong
 * from the top, sent as every signed-in role, naming the world's ids of both networks, unknown
 * ids and malformed ones. Each answer must be below 500, an error must have the documented
 * shape, and a refused state-changing request must leave every table's row count as it was.
 */

type Schema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};

export interface DocumentedOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: Array<{ name: string; in: "path" | "query"; required: boolean; schema: Schema }>;
  body?: Schema;
}

export function operationsOf(document: { paths: Record<string, Record<string, unknown>> }): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as {
        operationId: string;
        parameters?: DocumentedOperation["parameters"];
        requestBody?: { content: Record<string, { schema: Schema }> };
      };
      return {
        operationId: op.operationId,
        method,
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content["application/json"]?.schema,
      };
    }),
  );
}

/** Every id of the world (both networks' resources and users), the ids a request may name. */
export function idPool(world: World): string[] {
  const ids = new Set<string>();
  for (const side of [world.A, world.B]) {
    for (const id of Object.values(side.ids)) ids.add(id);
    for (const user of [...Object.values(side.users), side.spareSme]) {
      ids.add(user.userId);
      if (user.firmId) ids.add(user.firmId);
    }
  }
  ids.add(world.admin.userId);
  return [...ids];
}

const NUL = "\u0000";

/** Strings that have broken parsers and databases before. */
const nastyString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    NUL,
    `a${NUL}b`,
    "\ud800",
    "\udfff\ud800",
    "💩👨‍👩‍👧‍👦",
    "ǅ\u0301\u200b\u202e",
    "'; drop table firm; --",
    "%00",
    "../../etc/passwd",
    "=1+1",
    "<script>alert(1)</script>",
    "NaN",
    "Infinity",
    "-1",
    "1e999",
    "0x10",
    "9999-99-99",
    "0000-00-00",
    "2026-02-30",
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "__proto__",
    "constructor",
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer({ min: 1000, max: 200_000 }).map((n) => "x".repeat(n)),
  fc.integer({ min: 100, max: 20_000 }).map((n) => "é💩".repeat(n)),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(-1, 0, -0, 0.5, -1e9, 1e15, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, Number.MAX_VALUE, 1e-300),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value of the wrong kind, nested a little. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { "": NUL }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(nastyString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(nastyString, nastyString, { maxKeys: 4 }) },
);

function idArbitrary(pool: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: nastyString },
  );
}

const calendarDate = fc
  .record({ y: fc.integer({ min: 1890, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);

/** Plausible values of a schema: the shape the operation expects, with the world's ids. */
function valueOf(schema: Schema | undefined, pool: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 2 });
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((s) => valueOf(s, pool, depth + 1)));
  if (schema.allOf) {
    return fc.tuple(...schema.allOf.map((s) => valueOf(s, pool, depth + 1))).map((parts) => {
      if (!parts.every(isPlainObject)) return parts[0];
      const merged: Record<string, unknown> = {};
      for (const part of parts) Object.assign(merged, part);
      return merged;
    });
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string": {
      if (schema.format === "uuid") return idArbitrary(pool);
      if (schema.format === "date") return calendarDate;
      if (schema.format === "uri") return fc.webUrl();
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern), { size: "small" });
        } catch {
          // A pattern JavaScript cannot read: fall through to a plain string.
        }
      }
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 60), unit: "grapheme" });
    }
    case "integer":
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 100_000, 1e9) });
    case "number":
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valueOf(schema.items, pool, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case "object": {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) record[name] = valueOf(property, pool, depth + 1);
      if (Object.keys(properties).length === 0 && schema.additionalProperties && typeof schema.additionalProperties === "object") {
        return fc.dictionary(idArbitrary(pool), valueOf(schema.additionalProperties, pool, depth + 1), { maxKeys: 3 });
      }
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in record) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Paths to every value inside a JSON value (the root included). */
function pathsOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...path, i]))];
  if (value !== null && typeof value === "object") return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...path, k]))];
  return here;
}

function clone(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** An object or array inside a JSON value, indexed by the keys pathsOf found. */
type Container = Record<string | number, unknown>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

type Spoil = { kind: "replace" | "delete" | "extra"; at: number; nasty: unknown; key: string };

/** The value with one place spoiled: replaced by a nasty value, deleted, or given an extra field. */
function spoil(value: unknown, how: Spoil): unknown {
  const copy = clone(value);
  const paths = pathsOf(copy);
  const path = paths[how.at % paths.length];
  if (path.length === 0) return how.kind === "replace" ? how.nasty : copy;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Container)[key], copy) as Container;
  const last = path[path.length - 1];
  if (how.kind === "replace") parent[last] = how.nasty;
  else if (how.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (isPlainObject(parent)) parent[how.key] = how.nasty;
  return copy;
}

const spoilArbitrary: fc.Arbitrary<Spoil> = fc.record({
  kind: fc.constantFrom<Spoil["kind"]>("replace", "replace", "replace", "delete", "extra"),
  at: fc.nat(),
  nasty: nastyValue,
  key: fc.oneof(fc.constantFrom("__proto__", "constructor", "id", "firmId", "networkId", "role", "userId", "x"), nastyString),
});

/** A body as the operation expects it, or spoiled in one place, or wrong altogether. */
function bodyArbitrary(schema: Schema | undefined, pool: string[]): fc.Arbitrary<{ json?: unknown; raw?: string }> {
  const valid = valueOf(schema ?? { type: "object" }, pool);
  return fc.oneof(
    { weight: 2, arbitrary: valid.map((json) => ({ json })) },
    { weight: 6, arbitrary: fc.tuple(valid, spoilArbitrary).map(([json, how]) => ({ json: spoil(json, how) })) },
    { weight: 1, arbitrary: nastyValue.map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          "{",
          "not json",
          '{"a":1e400}',
          '{"amount":NaN}',
          "[".repeat(5000) + "]".repeat(5000),
          '{"__proto__":{"role":"admin"}}',
          '{"constructor":{"prototype":{"role":"admin"}}}',
          `{"x":"${"\\u0000".repeat(3)}"}`,
          '"\\ud800"',
        )
        .map((raw) => ({ raw })),
    },
  );
}

export interface FuzzRequest {
  role: Exclude<Role, "anonymous">;
  method: string;
  url: string;
  body?: string;
}

/** encodeURIComponent, except that a lone surrogate becomes the bytes of one (invalid UTF-8), as a client could send. */
function percentEncode(value: string): string {
  return Array.from(value, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return "%ED%A0%80";
    }
  }).join("");
}

/** The arbitrary requests of one operation. */
export function requestArbitrary(op: DocumentedOperation, pool: string[]): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  // Node answers 431 by itself to a request line over 16 kB, before Jointly sees it.
  const short = (v: string) => v.length <= 300;
  const shortNasty = nastyString.filter(short);
  const pathId = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: shortNasty },
  );
  const path = fc
    .tuple(...pathParams.map(() => pathId), fc.constant(null))
    .map((values) =>
      op.path.replace(/\{(\w+)\}/g, (_, name: string) => percentEncode(String(values[pathParams.findIndex((p) => p.name === name)]))),
    );
  const queryString = shortNasty;
  const queryValue = (schema: Schema) =>
    fc.oneof(
      {
        weight: 3,
        arbitrary: valueOf(schema, pool)
          .map((v) => [String(v)])
          .filter(([v]) => short(v)),
      },
      { weight: 2, arbitrary: queryString.map((v) => [v]) },
      { weight: 1, arbitrary: fc.array(queryString, { minLength: 2, maxLength: 3 }) },
    );
  const query = fc
    .tuple(
      fc.tuple(...queryParams.map((p) => fc.option(queryValue(p.schema), { nil: undefined })), fc.constant(undefined)),
      fc.option(fc.tuple(fc.constantFrom("x", "__proto__[role]", "q[a]", "page[]", "period[$gt]"), queryString), { nil: undefined }),
    )
    .map(([values, extra]) => {
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => {
        for (const v of values[i] ?? []) search.append(p.name, v);
      });
      if (extra) search.append(extra[0], extra[1]);
      const text = search.toString();
      return text ? `?${text}` : "";
    });
  const hasBody = op.method !== "get" && op.method !== "delete";
  const body = hasBody ? bodyArbitrary(op.body, pool) : fc.constant(undefined);
  const role = fc.constantFrom(...ROLES.filter((r): r is Exclude<Role, "anonymous"> => r !== "anonymous"));
  return fc.record({ role, path, query, body }).map(({ role, path, query, body }) => ({
    role,
    method: op.method.toUpperCase(),
    url: `/api/v1${path}${query}`,
    body: body === undefined ? undefined : (body.raw ?? JSON.stringify(body.json ?? null)),
  }));
}

/** Row counts of every table (sessions aside: signing in and reading refresh them). */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await selectRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('session', '__drizzle_migrations') order by table_name`,
  );
  const parts = tables.map((t) => sql`select ${t.table_name} as name, count(*)::int as n from ${sql.identifier(t.table_name)}`);
  const rows = await selectRows<{ name: string; n: number }>(db, sql.join(parts, sql` union all `));
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

export interface FuzzContext {
  url: string;
  db: Db;
  world: World;
  pool: string[];
}

/** Sends one request and returns what is wrong with the answer (nothing when all is well). */
export async function sendAndJudge(ctx: FuzzContext, request: FuzzRequest): Promise<string[]> {
  const cookie = ctx.world.cookieOf(request.role);
  const before = request.method !== "GET" ? await rowCounts(ctx.db) : null;
  const response = await fetch(`${ctx.url}${request.url}`, {
    method: request.method,
    headers: {
      origin: ctx.url,
      ...(cookie ? { cookie } : {}),
      ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: request.body,
  });
  const text = await response.text();
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`answered ${response.status}: ${text.slice(0, 300)}`);
  if (response.status >= 400) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(`error ${response.status} is not JSON: ${text.slice(0, 200)}`);
    }
    if (json !== null && !errorResponse.safeParse(json).success)
      problems.push(`error ${response.status} is not in the documented shape: ${text.slice(0, 200)}`);
  }
  if (before && response.status >= 400) {
    const after = await rowCounts(ctx.db);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    if (changed.length > 0) problems.push(`refused with ${response.status} but rows changed in ${changed.join(", ")}`);
  }
  return problems;
}
