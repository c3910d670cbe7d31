import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourcingNeed } from "../db/schema/sourcing";
import { createFirmOwner, makeDeps, PASSWORD } from "./factories";
import { browserless, signIn, startTestServer, type TestServer } from "./server";
import { needInput } from "./sourcing-fixtures";

/** The "post a need" form through HTTP, as a browser without JavaScript sends it. */
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  deps = makeDeps(server.app.deps.db);
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const post = (path: string, cookie: string, fields: Record<string, string | string[]>) =>
  browserless(server.url).post(path, cookie, fields);

/** The errors rendered under a field of the form (a Field's list, or a group's paragraph), or "". */
function errorsUnder(html: string, field: string): string {
  const list = new RegExp(`id="new-need-${field}-error"[^>]*>(.*?)</ul>`, "s").exec(html);
  if (list) return list[1].replace(/<[^>]+>/g, " ");
  const group = new RegExp(`<fieldset[^>]*data-testid="${field}"[^>]*>(?:(?!</fieldset>).)*?<p class="field-errors">([^<]*)</p>`, "s").exec(
    html,
  );
  return group ? group[1] : "";
}

/** The need of the fixtures as the form's fields. */
function formFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  const need = needInput();
  return {
    product: need.product,
    sector: need.sector,
    link: need.link,
    tier: String(need.tier),
    volume: String(need.volume),
    volumePeriod: need.volumePeriod,
    unit: need.unit,
    currency: need.currency,
    deliveryCountry: need.deliveryCountry,
    closingDate: need.closingDate,
    specifies: need.specifies,
    visibility: "all",
    ...overrides,
  };
}

describe("posting a need", () => {
  it("shows each field's error on the first invalid submit, in the sourcing wording", async () => {
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const cookie = await signIn(server.url, buyer.email, PASSWORD);
    const before = (await server.app.deps.db.select().from(sourcingNeed)).length;
    const res = await post(
      "/needs/new",
      cookie,
      formFields({ product: "", windowStart: "2027-05-01", windowEnd: "2027-04-01", visibility: "networks" }),
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorsUnder(html, "product")).toContain("Required");
    expect(errorsUnder(html, "windowEnd")).toContain("The delivery window ends before it starts.");
    expect(errorsUnder(html, "networks-choice")).toContain("Choose at least one network.");
    expect((await server.app.deps.db.select().from(sourcingNeed)).length).toBe(before);
  });

  it("shows the service's refusal under its field on the first submit", async () => {
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const cookie = await signIn(server.url, buyer.email, PASSWORD);
    const res = await post("/needs/new", cookie, formFields({ visibility: "networks", networkIds: crypto.randomUUID() }));
    expect(res.status).toBe(400);
    expect(errorsUnder(await res.text(), "networks-choice")).toContain("Choose at least one network.");
  });

  it("saves a valid need and opens it when asked", async () => {
    const buyer = await createFirmOwner(deps, { role: "buyer" });
    const cookie = await signIn(server.url, buyer.email, PASSWORD);
    const res = await post("/needs/new", cookie, formFields({ openNow: "on" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/needs\/[0-9a-f-]{36}$/);
  });
});
