import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Browser, type Page } from "@playwright/test";

/**
 * Shared fixtures: every page fails its test on a console error (CSP violations and hydration
 * errors included), and helpers sign up or sign in the way a person would.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // Chromium logs every 4xx response as a console error; a 400 validation reply or a 401
        // for a wrong password is the expected answer, not a fault of the page.
        if (msg.type() === "error" && !/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) {
          errors.push(msg.text());
        }
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

declare global {
  interface Window {
    /** Set by `markDocument`: it survives client-side navigation and revalidation, not a reload. */
    __sameDocument?: boolean;
  }
}

/** Marks the page's document, so that `isSameDocument` later tells a live update from a reload. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
}

export async function isSameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => window.__sameDocument === true);
}

let counter = 0;
export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}@e2e.example`;
export const PASSWORD = "e2e-password-123";

export async function signUpSme(page: Page, options: { name?: string; firmName: string; email?: string }) {
  const email = options.email ?? uniqueEmail("sme");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(options.name ?? "Paula Pereira");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Firm name").fill(options.firmName);
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up signs no one in (it answers the same for a registered email): sign in next.
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("status").filter({ hasText: "If this email is new to Jointly" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  return email;
}

export async function newSignedInPage(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  return { context, page };
}

/** No serious or critical axe violations on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `accessibility violations on ${page.url()}`,
  ).toEqual([]);
}

export const DEMO = {
  password: "jointly-demo-2026",
  broker: "broker@jointly.example",
  admin: { email: "admin-e2e@jointly.example", password: "admin-e2e-password" },
};
