/** bench:live's setup client: the JSON API as openapi.json describes it, with a service fallback for missing steps. */
import type { Actor } from "../../server/authz/actor";
import type { Services } from "../../server/services/index";
import { PASSWORD, runId } from "./live-settings";
import { signIn } from "./shared";

/** Bound services, when a setup step has to bypass a missing endpoint. */
export interface Fallback {
  services: Services;
  where: string;
}

export interface OpRef {
  method: string;
  path: string;
}

export async function loadOperations(base: string): Promise<Map<string, OpRef>> {
  const res = await fetch(`${base}/api/v1/openapi.json`);
  if (!res.ok) throw new Error(`openapi.json: ${res.status}`);
  const doc = (await res.json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
  const ops = new Map<string, OpRef>();
  for (const [p, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(methods))
      if (op?.operationId) ops.set(op.operationId, { method: method.toUpperCase(), path: p });
  }
  return ops;
}

export interface Person {
  cookie: string;
  userId: string;
}

export class Api {
  /** How each step was done, for the report. */
  readonly log: string[] = [];
  constructor(
    readonly base: string,
    readonly ops: Map<string, OpRef>,
    readonly fallback: Fallback | null,
  ) {}

  has(...ids: string[]): string | undefined {
    return ids.find((id) => this.ops.has(id));
  }

  async http(method: string, pathname: string, cookie: string | undefined, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.base}/api/v1${pathname}`, {
      method,
      headers: { origin: this.base, ...(cookie ? { cookie } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /api/v1${pathname}: ${res.status} ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : null;
  }

  /** Calls an operation by id (path parameters filled from the input), else the service. */
  async call(
    step: string,
    operationIds: string[],
    person: Person,
    input: Record<string, unknown>,
    viaService: (services: Services, actor: Actor) => Promise<unknown>,
  ): Promise<unknown> {
    const id = this.has(...operationIds);
    if (id) {
      const op = this.ops.get(id)!;
      const body = { ...input };
      const pathname = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = body[name];
        if (typeof value !== "string" && typeof value !== "number") throw new Error(`${id}: no value for path parameter ${name}`);
        delete body[name];
        return encodeURIComponent(value);
      });
      this.log.push(`${step}: HTTP ${op.method} /api/v1${op.path} (${id})`);
      return this.http(op.method, pathname, person.cookie, op.method === "GET" ? undefined : body);
    }
    if (!this.fallback) throw new Error(`${step}: no endpoint ${operationIds.join("/")} in openapi.json and no service fallback`);
    this.log.push(`${step}: FALLBACK ${this.fallback.where} (no ${operationIds[0]} endpoint yet)`);
    const actor = await this.fallback.services.accounts.loadActor(person.userId);
    if (!actor) throw new Error(`${step}: no actor for ${person.userId}`);
    return viaService(this.fallback.services, actor);
  }
}

/** An id from a response, whether it is `{ id }`, `{ network: { id } }` or `{ networkId }`. */
export function idFrom(value: unknown, key: string): string {
  const v = value as Record<string, unknown> | null;
  const nested = v?.[key] as Record<string, unknown> | undefined;
  const id = v?.id ?? nested?.id ?? v?.[`${key}Id`];
  if (typeof id !== "string") throw new Error(`no ${key} id in ${JSON.stringify(value).slice(0, 300)}`);
  return id;
}

async function sessionUserId(base: string, cookie: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/get-session`, { headers: { cookie, origin: base } });
  const body = (await res.json()) as { user?: { id: string } } | null;
  if (!body?.user?.id) throw new Error("no session for a fresh cookie");
  return body.user.id;
}

export async function signUpSme(base: string, n: number): Promise<Person> {
  const email = `bench-sme-${n}-${runId}@bench.example`;
  const res = await fetch(`${base}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
    body: new URLSearchParams({
      role: "sme",
      firmChoice: "create",
      name: `Bench Owner ${n}`,
      email,
      password: PASSWORD,
      firmName: `Bench Firm ${n} ${runId}`,
      country: "BR",
      sector: "1520",
      link: "assembly",
      tier: "1",
    }),
  });
  if (res.status !== 302 && res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
  // Sign-up answers the same whether or not the email was taken, so it opens no session: sign in.
  const cookie = await signIn(base, email, PASSWORD);
  return { cookie, userId: await sessionUserId(base, cookie) };
}
