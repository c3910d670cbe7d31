import type { Browser, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, isSameDocument, markDocument, newSignedInPage, test } from "./fixtures";

/**
 * Learning networks in the browser, against the demo: a broker starts a benchmarking club and
 * opens a reporting period through the pages, members join and report, and
 * (a) THE LIVE TEST: member A keeps the report open while B, C, D and E submit: the count of
 *     submissions rises live, and no statistic shows; the broker publishes the period, and A's
 *     open report shows the quartiles of the five without a reload;
 * (b) an out-of-range value is refused with the field's error;
 * (c) the club, report and meetings pages pass axe, on a phone too.
 */
test.describe.configure({ mode: "serial" });

const NETWORK = "Sinos Valley Footwear Network";
const MEMBERS = {
  a: "tannery@jointly.example",
  b: "soles@jointly.example",
  c: "oem@jointly.example",
  d: "brand@jointly.example",
  e: "exporter@jointly.example",
};
const CLUB = `Sinos benchmarking club ${Date.now().toString(36)}`;

/** The demo's second network and its club (db/seed/demo/club-people.ts). */
const DEMO_NETWORK = "Eastern Cape Automotive Components Network";
const DEMO_CLUB = /Eastern Cape Auto Components Benchmarking Club/;
/** Reported the open quarter already / not yet; with one other member, two figures are in. */
const DEMO_REPORTED = "castings@jointly.example";
const DEMO_TO_REPORT = "pistons@jointly.example";

/** The club's initiative page, e.g. /initiatives/<id>, set by the first test. */
let initiativePath = "";

async function signedIn(browser: Browser, email: string) {
  return newSignedInPage(browser, email, DEMO.password);
}

/** Waits until the page runs (its live connection is up), so typing is not lost to hydration. */
async function ready(page: Page) {
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
}

/** The on-time delivery field of the open period's form on the club page. */
const onTimeField = (page: Page) => page.getByTestId("submit-values").getByLabel(/^On-time delivery/);

async function submitOnTime(browser: Browser, email: string, value: string) {
  const { page, context } = await signedIn(browser, email);
  await page.goto(`${initiativePath}/club`);
  await ready(page);
  await onTimeField(page).fill(value);
  await page.getByRole("button", { name: "Save values" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "Values saved." })).toBeVisible();
  await expect(onTimeField(page)).toHaveValue(value);
  await context.close();
}

test("a broker starts a club through the pages and members join it", async ({ browser }) => {
  const broker = await signedIn(browser, DEMO.broker);
  await broker.page.goto("/networks");
  await broker.page.getByRole("link", { name: NETWORK }).first().click();
  await broker.page.getByTestId("new-club").click();
  await expect(broker.page.getByRole("heading", { level: 1 })).toHaveText("Start a benchmarking club");
  await ready(broker.page);
  await broker.page.getByLabel("Name of the club").fill(CLUB);
  await broker.page.getByLabel("Join by").fill("2030-12-31");
  await broker.page.getByLabel("Reporting periods").selectOption("quarter");
  await broker.page.getByRole("button", { name: "Create club" }).click();
  await expect(broker.page.getByTestId("club-panel")).toBeVisible();
  initiativePath = new URL(broker.page.url()).pathname;
  expect(initiativePath).toMatch(/^\/initiatives\/[0-9a-f-]{36}$/);
  await broker.page.getByRole("button", { name: "Open for participants" }).click();
  await expect(broker.page.getByTestId("initiative-status")).toHaveText("Open");
  await broker.context.close();

  for (const email of Object.values(MEMBERS)) {
    const { page, context } = await signedIn(browser, email);
    await page.goto(`${initiativePath}/club`);
    await page.getByRole("button", { name: "Join the club" }).click();
    await expect(page.getByRole("status").filter({ hasText: "You joined the club." })).toBeVisible();
    await context.close();
  }
});

test("(a) submissions raise the count live; the broker's publication makes the quartiles appear in another member's open report", async ({
  browser,
}) => {
  // Five members and the broker sign in one after another: more than the default minute on a busy machine.
  test.setTimeout(240_000);
  // The broker opens the next period through the club page.
  const broker = await signedIn(browser, DEMO.broker);
  await broker.page.goto(`${initiativePath}/club`);
  const label = await broker.page.locator("#open-period").getByLabel("Period").inputValue();
  expect(label).toMatch(/^\d{4}-Q[1-4]$/);
  await broker.page.getByRole("button", { name: "Open period" }).click();
  await expect(broker.page.getByRole("status").filter({ hasText: "Period opened" })).toBeVisible();
  await expect(broker.page.getByTestId("periods")).toContainText(label);
  await broker.context.close();

  // Member A reports its own value, then keeps the report open.
  await submitOnTime(browser, MEMBERS.a, "84.5");
  const a = await signedIn(browser, MEMBERS.a);
  await a.page.goto(`${initiativePath}/benchmark`);
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(`Benchmark report ${label}`);
  await expect(a.page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  const onTime = a.page.getByTestId("kpi-report").filter({ has: a.page.getByRole("heading", { name: /On-time delivery/ }) });
  await expect(onTime.getByTestId("not-enough")).toContainText("Not published yet.");
  await expect(onTime.getByTestId("submissions-count")).toHaveText("1 submission received so far.");
  await expect(onTime.getByTestId("distribution-chart")).toHaveCount(0);
  await expect(a.page.getByTestId("disclosure-rule")).toContainText("at least 5 firms");
  // Marks this very document: a reload would lose it.
  await markDocument(a.page);

  // B reports: the count rises in A's open report, and nothing else.
  await submitOnTime(browser, MEMBERS.b, "91");
  await expect(onTime.getByTestId("submissions-count")).toHaveText("2 submissions received so far.");
  // C, D and E report: five submissions, still no statistic until the broker publishes.
  await submitOnTime(browser, MEMBERS.c, "96.5");
  await submitOnTime(browser, MEMBERS.d, "88");
  await submitOnTime(browser, MEMBERS.e, "79");
  await expect(onTime.getByTestId("submissions-count")).toHaveText("5 submissions received so far.");
  await expect(onTime.getByTestId("distribution-chart")).toHaveCount(0);

  // The broker publishes the period from the report page.
  const publisher = await signedIn(browser, DEMO.broker);
  await publisher.page.goto(`${initiativePath}/benchmark`);
  await ready(publisher.page);
  await publisher.page.getByRole("button", { name: `Publish ${label}` }).click();
  await expect(publisher.page.getByTestId("publish-result")).toContainText(`${label} published.`);
  await publisher.context.close();

  // A's open report shows the quartiles of the five by itself: 79 84.5 88 91 96.5.
  await expect(onTime.getByTestId("distribution-chart")).toBeVisible();
  await expect(onTime.getByTestId("figure-n")).toHaveText("5");
  await expect(onTime.getByTestId("figure-median")).toHaveText("88%");
  await expect(onTime.getByTestId("own-value")).toHaveText("84.5%");
  await expect(onTime.getByTestId("own-band")).toHaveText("3rd quartile");
  await expect(onTime.getByTestId("not-enough")).toHaveCount(0);
  expect(await isSameDocument(a.page)).toBe(true);
  // Nothing of the other members shows: neither their firms nor the extremes.
  const text = await a.page.locator("main").innerText();
  for (const other of ["Solados Pampa", "Calçados Ferraresi", "Passo Firme", "Sinos Export"]) expect(text).not.toContain(other);
  for (const extreme of ["79%", "96.5%"]) expect(text).not.toContain(extreme);
  await a.context.close();
});

test("(b) a value out of the KPI's range is refused with the field's error", async ({ browser }) => {
  const { page, context } = await signedIn(browser, MEMBERS.a);
  await page.goto(`${initiativePath}/club`);
  await ready(page);
  await onTimeField(page).fill("104");
  await page.getByRole("button", { name: "Save values" }).first().click();
  const field = onTimeField(page);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("submit-values").locator(".field-errors").first()).toHaveText(
    "Out of range: enter a value from 0 to 100 (%).",
  );
  // The saved value stays as it was.
  await page.reload();
  await expect(onTimeField(page)).toHaveValue("84.5");
  await context.close();
});

test("(c) the club, report and meetings pages pass axe, on a phone too", async ({ browser }) => {
  test.setTimeout(240_000);
  // The broker schedules a meeting through the page, so the meetings pages have one to show.
  const broker = await signedIn(browser, DEMO.broker);
  await broker.page.goto(`${initiativePath}/meetings`);
  await ready(broker.page);
  await broker.page.getByLabel("Title").fill("Set-up time workshop");
  await broker.page.getByLabel("Host firm").selectOption({ label: "Curtume Arroio Verde Ltda." });
  await broker.page.getByLabel("Starts").fill("2030-03-04T09:00");
  await broker.page.getByLabel("Ends").fill("2030-03-04T17:00");
  await broker.page.getByLabel("Place").fill("Rua das Indústrias 100, Novo Hamburgo");
  await broker.page.getByLabel("Agenda").fill("Quick changeovers at the finishing line.");
  await broker.page.getByRole("button", { name: "Schedule meeting" }).click();
  await expect(broker.page.getByRole("heading", { level: 1 })).toHaveText("Set-up time workshop");
  const meetingPath = new URL(broker.page.url()).pathname;
  for (const path of [`${initiativePath}/club`, `${initiativePath}/benchmark`, `${initiativePath}/meetings`, meetingPath, initiativePath]) {
    await broker.page.goto(path);
    await expect(broker.page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(broker.page);
  }
  await broker.context.close();

  for (const viewport of [null, { width: 390, height: 844 }]) {
    const context = await browser.newContext({ locale: "en-US", ...(viewport ? { viewport } : {}) });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(MEMBERS.c);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/home$/);
    for (const path of [
      `${initiativePath}/club`,
      `${initiativePath}/benchmark`,
      `${initiativePath}/benchmark/print`,
      `${initiativePath}/meetings`,
      meetingPath,
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
      if (viewport) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
      }
    }
    // Attendance from the meeting page.
    await page.goto(meetingPath);
    await page.getByRole("button", { name: "I'll come" }).click();
    await expect(page.getByTestId("my-response")).toHaveText("You said you will come.");
    await context.close();
  }
});

test("(a) in the demo's open quarter, a third member's figure raises the count live, and no statistic shows", async ({ browser }) => {
  const a = await signedIn(browser, DEMO_REPORTED);
  await a.page.goto("/networks");
  await a.page.getByRole("link", { name: DEMO_NETWORK }).first().click();
  await expect(a.page).toHaveURL(/\/networks\/[0-9a-f-]{36}$/);
  await a.page.getByRole("link", { name: DEMO_CLUB }).first().click();
  await expect(a.page.getByTestId("club-panel")).toBeVisible();
  const club = new URL(a.page.url()).pathname;
  await a.page.goto(`${club}/benchmark`);
  await expect(a.page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  const report = (name: RegExp) => a.page.getByTestId("kpi-report").filter({ has: a.page.getByRole("heading", { name }) });
  // Two members reported the open quarter, not published yet: every KPI shows the count, with A's own value.
  await expect(a.page.getByTestId("not-enough")).toHaveCount(5);
  await expect(report(/On-time delivery/).getByTestId("submissions-count")).toHaveText("2 submissions received so far.");
  await expect(a.page.getByTestId("distribution-chart")).toHaveCount(0);
  await markDocument(a.page);

  // A third member reports on-time delivery only.
  const b = await signedIn(browser, DEMO_TO_REPORT);
  await b.page.goto(`${club}/club`);
  await ready(b.page);
  await onTimeField(b.page).fill("93.4");
  await b.page.getByRole("button", { name: "Save values" }).first().click();
  await expect(b.page.getByRole("status").filter({ hasText: "Values saved." })).toBeVisible();
  await b.context.close();

  // The count rises in A's open report; still no statistic (three firms, and nothing published).
  await expect(report(/On-time delivery/).getByTestId("submissions-count")).toHaveText("3 submissions received so far.");
  await expect(report(/Scrap/).getByTestId("submissions-count")).toHaveText("2 submissions received so far.");
  await expect(a.page.getByTestId("distribution-chart")).toHaveCount(0);
  expect(await isSameDocument(a.page)).toBe(true);
  await expect(a.page.locator("main")).not.toContainText("Algoa Pistons");
  await a.context.close();
});
