import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, isSameDocument, markDocument, newSignedInPage, test } from "./fixtures";

/**
 * A joint purchase from start to live pool: the broker creates it on the new-initiative page and
 * opens it; two member SMEs, each in its own browser, join; when one commits enough to cross a
 * price break, the other's page shows the new pooled total, price and its own cost, without a
 * reload. The test builds its own initiative, so it does not depend on the demo's figures.
 */
const OEM = "oem@jointly.example";
const BRAND = "brand@jointly.example";
const brl = (amount: number) => new Intl.NumberFormat("en", { style: "currency", currency: "BRL" }).format(amount);

async function commit(page: Page, quantity: number) {
  await page.getByLabel("Your quantity (kg)").fill(String(quantity));
  await page.getByTestId("joint-buy").getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your quantity was saved." })).toBeVisible();
  await expect(page.getByTestId("own-quantity")).toHaveText(`${quantity.toLocaleString("en")} kg`);
}

test("members see a joint purchase's pool, price and own cost change live", async ({ browser }) => {
  test.setTimeout(120_000);
  const title = `Sole adhesive pool ${Date.now()}`;

  // One scenario in steps, so a failure names the stage; each step builds on the one before.
  const broker = await newSignedInPage(browser, DEMO.broker, DEMO.password);
  const form = broker.page;
  const initiativePath = await test.step("the broker starts a draft joint purchase on the network's new-initiative page", async () => {
    await broker.page.goto("/networks");
    await broker.page.getByRole("link", { name: "Sinos Valley Footwear Network" }).first().click();
    await expect(broker.page).toHaveURL(/\/networks\/[0-9a-f-]{36}$/);
    const networkUrl = new URL(broker.page.url()).pathname;

    await form.goto(`${networkUrl}/initiatives/new`);
    await expect(form.getByRole("heading", { level: 1, name: "Start an initiative" })).toBeVisible();
    await expect(form.getByTestId("budget-section")).toBeHidden();
    await expectAccessible(form);

    // Switching the objective shows the other tool's section, and back.
    await form.getByLabel("Objective").selectOption("process_improvement");
    await expect(form.getByTestId("budget-section")).toBeVisible();
    await expect(form.getByTestId("joint-buy-section")).toBeHidden();
    await form.getByLabel("Objective").selectOption("joint_buying");
    await expect(form.getByTestId("joint-buy-section")).toBeVisible();

    const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel("Title").fill(title);
    await form.getByLabel("Description").fill("One order of PU adhesive, delivered monthly.");
    await form.getByLabel("Deadline").fill(deadline);
    const section = form.getByTestId("joint-buy-section");
    await section.getByLabel("Input", { exact: true }).fill("Solvent-based PU adhesive");
    await section.getByLabel("Supplier").fill("Sinoscola");
    await section.getByLabel("Specification").fill("18 kg drums");
    await section.getByLabel("Unit", { exact: true }).fill("kg");
    await section.getByLabel("Currency").selectOption("BRL");
    await section.getByLabel("Minimum pooled quantity to proceed").fill("500");
    await section.getByLabel("Unit price").first().fill("10.00");
    await section.getByRole("button", { name: "Add a price break" }).click();
    await expect(section.getByLabel("From quantity")).toHaveCount(2);
    await section.getByLabel("From quantity").nth(1).fill("1000");
    await section.getByLabel("Unit price").nth(1).fill("9.00");
    await form.getByRole("button", { name: "Create the initiative" }).click();

    await expect(form).toHaveURL(/\/initiatives\/[0-9a-f-]{36}$/);
    await expect(form.getByRole("status").filter({ hasText: "Initiative created as a draft" })).toBeVisible();
    await expect(form.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(form.getByTestId("initiative-status")).toHaveText("Draft");
    return new URL(form.url()).pathname;
  });

  const { oem, brand } =
    await test.step("the broker opens it for participants; two member SMEs join, each in its own browser", async () => {
      await form.getByRole("button", { name: "Open for participants" }).click();
      await expect(form.getByTestId("initiative-status")).toHaveText("Open");

      // Two member SMEs, each in its own browser, open the page and join.
      const oem = await newSignedInPage(browser, OEM, DEMO.password);
      const brand = await newSignedInPage(browser, BRAND, DEMO.password);
      for (const p of [oem.page, brand.page]) {
        await p.goto(initiativePath);
        await expect(p.getByTestId("live-state")).toHaveAttribute("data-state", "live");
        await p.getByRole("button", { name: "Join this initiative" }).click();
        await expect(p.getByRole("status").filter({ hasText: "You joined the initiative." })).toBeVisible();
      }
      await expect(oem.page.getByTestId("participants")).toContainText("Passo Firme");
      await expect(oem.page.getByTestId("initiative-form")).toContainText("bilateral");
      return { oem, brand };
    });

  await test.step("a commitment shows in the other member's page by itself: pool, price, next break and own cost", async () => {
    await commit(brand.page, 300);
    await expect(oem.page.getByTestId("pool-total")).toHaveText("300 kg");
    await commit(oem.page, 600);

    // From here on, the brand's page must update by itself: mark it to prove there is no reload.
    await markDocument(brand.page);
    await expect(brand.page.getByTestId("pool-total")).toHaveText("900 kg");
    await expect(brand.page.getByTestId("reached-price")).toHaveText(`${brl(10)} per kg`);
    await expect(brand.page.getByTestId("next-break")).toContainText("100 more kg needed to reach it");
    await expect(brand.page.getByTestId("own-cost")).toHaveText(brl(3000));
  });

  await test.step("crossing the 1,000 kg break shows the new price and the saving live", async () => {
    // The OEM raises its quantity and the pool crosses the 1,000 kg break.
    await commit(oem.page, 800);
    await expect(oem.page.getByTestId("pool-total")).toHaveText("1,100 kg");

    await expect(brand.page.getByTestId("pool-total")).toHaveText("1,100 kg");
    await expect(brand.page.getByTestId("reached-price")).toHaveText(`${brl(9)} per kg`);
    await expect(brand.page.getByTestId("own-cost")).toHaveText(brl(2700));
    await expect(brand.page.getByTestId("own-saving")).toContainText(brl(300));
    await expect(brand.page.getByTestId("next-break")).toHaveText("The best price break is reached");
    await expect(brand.page.getByTestId("activity")).toContainText("brought the pool to a new price break");
    expect(await isSameDocument(brand.page)).toBe(true);
    // Quantities are not shared on this initiative: the brand sees its own line only.
    await expect(brand.page.getByTestId("lines")).not.toContainText("Ferraresi");
    await expectAccessible(brand.page);
  });

  await test.step("the discussion reaches the other browser live", async () => {
    await oem.page.getByLabel("Your message").fill("Can Sinoscola deliver the first lot in September?");
    await oem.page.getByRole("button", { name: "Send" }).click();
    await expect(oem.page.getByLabel("Your message")).toHaveValue("");
    await expect(brand.page.getByTestId("messages")).toContainText("first lot in September");
  });

  await test.step("the broker sees every line, locks the commitments and downloads the purchase summary", async () => {
    await form.reload();
    await expect(form.getByTestId("lines")).toContainText("Passo Firme");
    await expect(form.getByTestId("lines")).toContainText("Ferraresi");
    await form.getByRole("button", { name: "Lock commitments" }).click();
    await expect(form.getByTestId("initiative-status")).toHaveText("Locked");
    await expect(brand.page.getByTestId("initiative-status")).toHaveText("Locked");
    await expect(brand.page.getByLabel("Your quantity (kg)")).toHaveCount(0);
    const download = form.getByRole("link", { name: "Download purchase summary (CSV)" });
    await expect(download).toHaveAttribute("href", `${initiativePath}/purchase-summary.csv`);
    const csv = await form.request.get(`${initiativePath}/purchase-summary.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect(csv.headers()["content-disposition"]).toContain("attachment; filename=");
    expect(await csv.text()).toContain("TOTAL,1100,kg,9.00,9900.00");
  });

  for (const c of [broker.context, oem.context, brand.context]) await c.close();
});
