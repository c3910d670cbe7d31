import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, isSameDocument, markDocument, newSignedInPage, test } from "./fixtures";

/**
 * Sourcing needs end to end (issue 4, "Done when"): the German buying group posts a need through
 * the form and opens it; a manufacturer that already has "/needs" open sees it appear live, with
 * its score and what winning the order would do to its dependence on one buyer; the buyer then
 * posts a need too large for any single member, and the broker turns a consortium proposal into
 * a joint_selling initiative in one click. The test posts its own needs, so it does not depend on
 * the demo's needs, only on the demo's firms (Calçados Ferraresi: assembly, tier 1, 36,000 pairs a
 * month, no ISO 14001; three members hold a buyer code of conduct, none above 36,000 pairs).
 */
const BUYER = "buyinggroup@jointly.example";
const OEM = "oem@jointly.example";
const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

interface NeedForm {
  product: string;
  volume: number;
  certifications: Array<{ code: string; mustHave: boolean }>;
  openNow: boolean;
}

async function postNeed(page: Page, need: NeedForm) {
  await page.goto("/needs");
  await page.getByRole("link", { name: "Post a need" }).click();
  await expect(page).toHaveURL(/\/needs\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Post a sourcing need" })).toBeVisible();
  await page.getByLabel("Product", { exact: true }).fill(need.product);
  await page.getByLabel("Description", { exact: true }).fill("Cemented construction, leather lining, our last and grading.");
  await page.getByLabel("Sector (ISIC Rev.4)", { exact: true }).selectOption("1520");
  await page.getByLabel("Link of the value chain sought", { exact: true }).selectOption("assembly");
  await page.getByLabel("Tier sought", { exact: true }).selectOption("1");
  await page.getByRole("checkbox", { name: "Production", exact: true }).check();
  await page.getByRole("checkbox", { name: "Quality control" }).check();
  await page.getByLabel("Volume", { exact: true }).fill(String(need.volume));
  await page.getByLabel("Per", { exact: true }).selectOption("month");
  await page.getByLabel("Unit", { exact: true }).fill("pairs");
  await page.getByLabel("Target unit price", { exact: true }).fill("24.50");
  await page.getByLabel("Currency", { exact: true }).selectOption("EUR");
  const section = page.getByTestId("certifications-section");
  for (const [index, cert] of need.certifications.entries()) {
    await section.getByRole("button", { name: "Add a certification" }).click();
    await expect(section.getByLabel("Certification", { exact: true })).toHaveCount(index + 1);
    await section.getByLabel("Certification", { exact: true }).nth(index).selectOption(cert.code);
    if (cert.mustHave) await section.getByLabel("Must-have (otherwise preferred)").nth(index).check();
  }
  await page.getByLabel("Delivery place", { exact: true }).fill("Schuhring central warehouse, Dortmund");
  await page.getByLabel("Delivery country", { exact: true }).selectOption("DE");
  await page.getByLabel("Delivery window starts", { exact: true }).fill(isoDate(120));
  await page.getByLabel("Delivery window ends", { exact: true }).fill(isoDate(300));
  await page.getByLabel("Closing date", { exact: true }).fill(isoDate(45));
  await page.getByRole("checkbox", { name: "We design the product jointly with the supplier" }).check();
  await page.getByRole("checkbox", { name: "Design support" }).check();
  await page.getByRole("radio", { name: "All SMEs on Jointly" }).check();
  if (need.openNow) await page.getByRole("checkbox", { name: /Open it right away/ }).check();
  await page.getByRole("button", { name: "Save the need" }).click();
  await expect(page).toHaveURL(/\/needs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: need.product })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("a buyer posts a need, an SME sees it live with its projected dependence, the broker forms a consortium", async ({ browser }) => {
  test.setTimeout(180_000);
  // One scenario in steps, so a failure names the stage; each step builds on the one before.
  const stamp = Date.now().toString(36);
  const product = `Women's leather ballerinas ${stamp}`;
  const bigProduct = `Women's leather sneakers, all stores ${stamp}`;

  const sme = await test.step("the manufacturer keeps its list of needs open, live", async () => {
    // The manufacturer keeps its list of needs open in its own browser.
    const sme = await newSignedInPage(browser, OEM, DEMO.password);
    await sme.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sourcing needs" }).click();
    await expect(sme.page).toHaveURL(/\/needs$/);
    await expect(sme.page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
    await expect(sme.page.getByRole("heading", { level: 2, name: "Needs that fit me" })).toBeVisible();
    await expect(sme.page.getByTestId("matching-needs")).not.toContainText(product);
    await markDocument(sme.page);
    return sme;
  });

  const { buyer, needPath } =
    await test.step("(a) the buyer posts the need as a draft, sees the ranking without dependence figures, and opens it", async () => {
      // (a) The buyer posts the need through the form: a draft first, opened from its page.
      const buyer = await newSignedInPage(browser, BUYER, DEMO.password);
      await buyer.page.goto("/needs/new");
      await expectAccessible(buyer.page);
      const needPath = await postNeed(buyer.page, {
        product,
        volume: 8000,
        // ISO 14001 is one the manufacturer lacks: preferred, so it lowers the score without excluding it.
        certifications: [
          { code: "iso_9001", mustHave: true },
          { code: "iso_14001", mustHave: false },
        ],
        openNow: false,
      });
      await expect(buyer.page.getByRole("status").filter({ hasText: "Need saved as a draft" })).toBeVisible();
      await expect(buyer.page.getByTestId("need-status")).toHaveText("Draft");
      await expect(buyer.page.getByTestId("need-volume")).toHaveText("8,000 pairs per month");
      // The buyer sees the ranking with reasons, never a dependence figure.
      await expect(buyer.page.getByTestId("matches")).toContainText("Calçados Ferraresi");
      await expect(buyer.page.getByTestId("projected-dependence")).toHaveCount(0);
      await buyer.page.getByRole("button", { name: "Open now" }).click();
      await expect(buyer.page.getByTestId("need-status")).toHaveText("Open");
      return { buyer, needPath };
    });

  const fit =
    await test.step("(b) the need appears on the manufacturer's list without a reload, scored and with its projected dependence", async () => {
      // (b) The need appears on the manufacturer's list without a reload, scored and with its warning.
      // (Other cards may list it among their diversification options: pick the card headed by it.)
      const fit = sme.page.getByTestId("matching-need").filter({ has: sme.page.getByRole("heading", { level: 3, name: product }) });
      await expect(fit).toBeVisible();
      await expect(fit).toContainText("From Schuhring Einkaufsverbund eG");
      await expect(fit.getByTestId("score")).toContainText(/\d+ \/ 100/);
      await fit.getByText("Why this score").click();
      await expect(fit).toContainText("ISO 14001 (preferred): not held.");
      await expect(fit).toContainText("A capacity of 36,000 pairs a month covers the 8,000 needed.");
      const dependence = fit.getByTestId("projected-dependence");
      await expect(dependence).toContainText("Dependence if this order is won");
      await expect(dependence).toContainText("Top-buyer share");
      await expect(dependence.getByTestId("projected-share")).toHaveText(/\d+(\.\d)?%/);
      await expect(fit.getByTestId("diversification")).toContainText("Ways to diversify");
      expect(await isSameDocument(sme.page)).toBe(true);
      await expectAccessible(sme.page);
      return fit;
    });

  await test.step("the manufacturer answers the need; the buyer sees the response live and shortlists it", async () => {
    // The manufacturer opens the need and answers it; the buyer's page shows the response live.
    await markDocument(buyer.page);
    await fit.getByRole("link", { name: product }).click();
    await expect(sme.page.getByTestId("your-fit")).toContainText("How your firm fits");
    await sme.page.getByLabel("Your unit price (EUR)").fill("23.90");
    await sme.page.getByLabel("Quantity you can supply (pairs)").fill("8000");
    await sme.page.getByLabel("Lead time (days)").fill("45");
    await sme.page.getByLabel("Note to the buyer").fill("First lot in twelve weeks.");
    await sme.page.getByRole("button", { name: "Send my response" }).click();
    await expect(sme.page.getByRole("status").filter({ hasText: "Your response was sent to the buyer." })).toBeVisible();
    await expect(sme.page.getByTestId("own-response")).toContainText("Submitted");
    await expect(buyer.page.getByTestId("responses")).toContainText("Calçados Ferraresi");
    expect(await isSameDocument(buyer.page)).toBe(true);
    await buyer.page.getByTestId("responses").getByRole("button", { name: "Shortlist" }).click();
    await expect(buyer.page.getByRole("status").filter({ hasText: "Response shortlisted" })).toBeVisible();
    await expect(sme.page.getByTestId("own-response")).toContainText("Shortlisted");
  });

  const bigPath = await test.step("(c) the buyer posts a need too large for any single member", async () => {
    // (c) A need too large for any single member: 60,000 pairs a month with a buyer code of conduct
    // as a must-have (the members holding one make at most 36,000), opened right away.
    const bigPath = await postNeed(buyer.page, {
      product: bigProduct,
      volume: 60000,
      certifications: [{ code: "buyer_code", mustHave: true }],
      openNow: true,
    });
    await expect(buyer.page.getByRole("status").filter({ hasText: "Need posted and open" })).toBeVisible();
    await expect(buyer.page.getByTestId("need-status")).toHaveText("Open");
    return bigPath;
  });

  const broker =
    await test.step("the broker sees the dependence warnings and creates a consortium initiative from the proposal", async () => {
      const broker = await newSignedInPage(browser, DEMO.broker, DEMO.password);
      await broker.page.goto(bigPath);
      await expect(broker.page.getByRole("heading", { level: 1, name: bigProduct })).toBeVisible();
      await expect(broker.page.getByText("No single supplier can deliver the whole volume")).toBeVisible();
      // The broker sees its members' dependence warnings, which the buyer never does.
      await expect(broker.page.getByTestId("matches")).toContainText("Projected top-buyer share if it wins:");
      const proposal = broker.page.getByTestId("consortium-proposals").getByTestId("proposal").first();
      await expect(proposal).toContainText("members of Sinos Valley Footwear Network");
      await expect(proposal).toContainText("Calçados Ferraresi");
      const members = await proposal.locator(".proposal-members > li > a").allInnerTexts();
      expect(members.length).toBeGreaterThanOrEqual(2);
      await expectAccessible(broker.page);

      await proposal.getByRole("button", { name: "Create consortium initiative" }).click();
      await expect(broker.page).toHaveURL(/\/initiatives\/[0-9a-f-]{36}$/);
      await expect(broker.page.getByRole("status").filter({ hasText: "Consortium initiative created" })).toBeVisible();
      await expect(broker.page.getByRole("heading", { level: 1, name: `Consortium for ${bigProduct}` })).toBeVisible();
      await expect(broker.page.getByTestId("initiative-status")).toHaveText("Open");
      for (const name of members) await expect(broker.page.getByTestId("participants")).toContainText(name);
      return broker;
    });

  await test.step("the broker answers for the consortium, and the buyer sees its response", async () => {
    // Back on the need, the broker answers for the consortium.
    await broker.page.goto(bigPath);
    const consortia = broker.page.getByTestId("consortia");
    await expect(consortia).toContainText(`Consortium for ${bigProduct}`);
    await consortia.getByLabel("Your unit price (EUR)").fill("24.20");
    await consortia.getByLabel("Quantity you can supply (pairs)").fill("60000");
    await consortia.getByLabel("Lead time (days)").fill("60");
    await consortia.getByRole("button", { name: "Respond for the consortium" }).click();
    await expect(broker.page.getByRole("status").filter({ hasText: "The consortium's response was sent" })).toBeVisible();
    await expect(broker.page.getByTestId("consortia")).toContainText("The consortium responded. Status: Submitted");

    await buyer.page.goto(bigPath);
    await expect(buyer.page.getByTestId("responses")).toContainText("Consortium of SMEs");
    await buyer.page.goto(needPath);
  });

  for (const c of [sme.context, buyer.context, broker.context]) await c.close();
});
