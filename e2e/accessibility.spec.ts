import { DEMO, expect, expectAccessible, newSignedInPage, test } from "./fixtures";

/** Every page, as each role sees it, with no serious or critical axe violations, on a phone too. */
const PAGES: Record<string, { email: string; paths: string[] }> = {
  sme: { email: "tannery@jointly.example", paths: ["/home", "/firm", "/firm/edit", "/firms", "/notifications", "/settings", "/fairs"] },
  buyer: { email: "retailer@jointly.example", paths: ["/home", "/firm", "/firm/edit"] },
  broker: { email: DEMO.broker, paths: ["/home", "/firms?kind=sme&link=assembly", "/notifications", "/fairs", "/fairs/new"] },
};

for (const [role, { email, paths }] of Object.entries(PAGES)) {
  test(`pages of a demo ${role} pass axe`, async ({ browser }) => {
    const { page, context } = await newSignedInPage(browser, email, DEMO.password);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await expectAccessible(page);
    }
    const firmLink = page.getByTestId("directory-results").getByRole("link").first();
    await page.goto("/firms");
    await firmLink.click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
    await context.close();
  });
}

test("the admin's pages and the public pages pass axe on a phone-sized screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "pt-BR" });
  const page = await context.newPage();
  for (const path of ["/", "/login", "/signup"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(DEMO.admin.email);
  await page.getByLabel("Senha").fill(DEMO.admin.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.goto("/admin/users");
  await expectAccessible(page);
  // Nothing overflows the phone's width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test("network and initiative pages pass axe for a broker and a member SME", async ({ browser }) => {
  for (const email of [DEMO.broker, "oem@jointly.example"]) {
    const { page, context } = await newSignedInPage(browser, email, DEMO.password);
    await page.goto("/networks");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sinos Valley Footwear Network" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sinos Valley");
    await expectAccessible(page);
    await page
      .getByRole("link", { name: /Finished leather for the 2027 winter collection/ })
      .first()
      .click();
    await expect(page.getByTestId("pool-total")).toBeVisible();
    await expectAccessible(page);
    await page.goBack();
    await page
      .getByRole("link", { name: /Shared lean-production consultant/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("consultant");
    await expectAccessible(page);
    if (email === DEMO.broker) {
      await page.goto("/networks/new");
      await expectAccessible(page);
    }
    await context.close();
  }
});

test("ledger, dependence and sourcing pages pass axe", async ({ browser }) => {
  const sme = await newSignedInPage(browser, "oem@jointly.example", DEMO.password);
  await sme.page.goto("/firm");
  await sme.page.locator('a[href$="/ledger"]').first().click();
  await expect(sme.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(sme.page);
  await sme.page.goto("/firm");
  await sme.page.locator('a[href$="/dependence"]').first().click();
  await expect(sme.page.locator("svg").first()).toBeVisible();
  await expectAccessible(sme.page);
  await sme.page.goto("/needs");
  await expect(sme.page.getByTestId("matching-needs")).toBeVisible();
  await expectAccessible(sme.page);
  await sme.context.close();

  const broker = await newSignedInPage(browser, DEMO.broker, DEMO.password);
  await broker.page.goto("/networks");
  await broker.page.getByRole("link", { name: "Sinos Valley Footwear Network" }).first().click();
  await broker.page.locator('a[href$="/dependence"]').first().click();
  await expect(broker.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(broker.page);
  await broker.page.goto("/needs");
  await broker.page.locator('a[href^="/needs/"]').first().click();
  await expect(broker.page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(broker.page);
  await broker.context.close();

  const buyer = await newSignedInPage(browser, "buyinggroup@jointly.example", DEMO.password);
  for (const path of ["/needs", "/needs/new"]) {
    await buyer.page.goto(path);
    await expectAccessible(buyer.page);
  }
  await buyer.context.close();

  const admin = await browser.newContext();
  const page = await admin.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.admin.email);
  await page.getByLabel("Password").fill(DEMO.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.goto("/admin/exchange-rates");
  await expectAccessible(page);
  await admin.close();
});

test("learning-network pages of the demo club pass axe for its broker and a member, on a phone too", async ({ browser }) => {
  test.setTimeout(180_000);
  for (const [email, viewport] of [
    ["autobroker@jointly.example", null],
    ["castings@jointly.example", null],
    ["castings@jointly.example", { width: 390, height: 844 }],
  ] as const) {
    const { page, context } = await newSignedInPage(browser, email, DEMO.password);
    if (viewport) await page.setViewportSize(viewport);
    await page.goto("/networks");
    await page.getByRole("link", { name: "Eastern Cape Automotive Components Network" }).first().click();
    await expect(page).toHaveURL(/\/networks\/[0-9a-f-]{36}$/);
    const network = new URL(page.url()).pathname;
    await page
      .getByRole("link", { name: /Eastern Cape Auto Components Benchmarking Club/ })
      .first()
      .click();
    await expect(page.getByTestId("club-panel")).toBeVisible();
    const club = new URL(page.url()).pathname;
    const paths = [`${network}/kpis`, club, `${club}/club`, `${club}/benchmark`, `${club}/benchmark/print`, `${club}/meetings`];
    if (email === "autobroker@jointly.example") paths.push(`${network}/clubs/new`);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    // A closed quarter with every figure, and a meeting with its minutes and actions.
    await page.goto(`${club}/benchmark`);
    await page.getByLabel("Period", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page.getByTestId("distribution-chart").first()).toBeVisible();
    await expectAccessible(page);
    await page.goto(`${club}/meetings`);
    await page.getByTestId("meeting-list").last().getByRole("link").first().click();
    await expect(page.getByTestId("minutes")).toBeVisible();
    await expectAccessible(page);
    if (viewport) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await context.close();
  }
});
