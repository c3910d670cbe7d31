import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, newSignedInPage, test } from "./fixtures";

/**
 * The joint trade-fair stand against the demo: the Sinos Valley network's 40 m² stand at the
 * Düsseldorf shoe fair (db/seed/demo/stand-data.ts), nearly full with two firms waiting.
 */
const STAND_TITLE = /Joint stand at the Düsseldorf shoe fair/;

/** From the network page to the stand page, through the initiative page's stand panel. */
async function openStand(page: Page) {
  await page.goto("/networks");
  await page.getByRole("link", { name: "Sinos Valley Footwear Network" }).first().click();
  await page.getByRole("link", { name: STAND_TITLE }).first().click();
  await expect(page.getByTestId("stand-panel")).toBeVisible();
  await page.getByTestId("stand-link").click();
  await expect(page).toHaveURL(/\/initiatives\/[0-9a-f-]+\/stand$/);
  await expect(page.getByTestId("stand-plan")).toBeVisible();
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
}

test("one exhibitor takes space and another sees the plan and its own cost change without reloading", async ({ browser }) => {
  // Passo Firme (brand@) already exhibits; Solados Pampa (soles@) is a member without space.
  const watcher = await newSignedInPage(browser, "brand@jointly.example", DEMO.password);
  const taker = await newSignedInPage(browser, "soles@jointly.example", DEMO.password);
  await openStand(watcher.page);
  await openStand(taker.page);

  const plan = watcher.page.getByTestId("stand-plan-table");
  await expect(plan).not.toContainText("Solados Pampa");
  const ownGross = watcher.page.getByTestId("own-gross");
  const ownNet = watcher.page.getByTestId("own-cost");
  const grossBefore = (await ownGross.textContent()) ?? "";
  const netBefore = (await ownNet.textContent()) ?? "";
  const freeBefore = (await watcher.page.getByTestId("free-area").textContent()) ?? "";
  expect(grossBefore).toMatch(/R\$/);
  // The watcher's own space is drawn and named.
  await expect(watcher.page.locator(".plan-own")).toHaveCount(1);
  await expect(plan.locator("tr.own-line")).toContainText("Your space");

  // The taker asks for the free area (at least the stand's minimum of 3 m²).
  const free = Number((freeBefore.match(/[\d.]+/) ?? ["0"])[0]);
  expect(free).toBeGreaterThanOrEqual(3);
  await taker.page.getByLabel("Area to request (m²)").fill(String(free));
  await taker.page.getByRole("button", { name: "Request space" }).click();
  await expect(taker.page.getByTestId("my-space-status")).toHaveAttribute("data-status", "requested");
  await expect(taker.page.getByTestId("my-space-status")).toContainText(`${free} m²`);

  // The watcher's page follows by itself: the plan shows the new exhibitor, no area is free,
  // and the watcher's own share of the cost went down.
  await expect(plan).toContainText("Solados Pampa");
  await expect(watcher.page.getByTestId("free-area")).toHaveText("0 m² free");
  await expect(ownGross).not.toHaveText(grossBefore);
  await expect(ownNet).not.toHaveText(netBefore);
  const amount = (text: string) => Number(text.replace(/[^\d.]/g, ""));
  expect(amount((await ownGross.textContent()) ?? "")).toBeLessThan(amount(grossBefore));
  await expect(watcher.page.getByTestId("cost-reconciliation")).toContainText("The gross shares add up to the stand");

  await watcher.context.close();
  await taker.context.close();
});

test("the broker confirms and trims requests and adds a task", async ({ browser }) => {
  const { page, context } = await newSignedInPage(browser, DEMO.broker, DEMO.password);
  await openStand(page);
  const requests = page.getByTestId("requests");
  await expect(requests).toBeVisible();
  await expect(page.getByTestId("waiting-list")).toContainText("Bella Sinos");

  // Confirm Calçados Ferraresi's request.
  const ferraresi = requests.getByRole("row", { name: /Calçados Ferraresi/ });
  await expect(ferraresi).toContainText("Awaiting confirmation");
  await ferraresi.getByRole("button", { name: "Confirm the space of Calçados Ferraresi Ltda." }).click();
  await expect(page.getByRole("status").filter({ hasText: "Space confirmed." })).toBeVisible();
  await expect(requests.getByRole("row", { name: /Calçados Ferraresi/ })).toContainText("Confirmed");

  // Trim Ateliê Três Coroas from 5 to 4 m²; asking for more than it holds is refused.
  const atelier = () => requests.getByRole("row", { name: /Ateliê Três Coroas/ });
  await expect(atelier()).toContainText("5 m²");
  await atelier()
    .getByLabel(/Trim to/)
    .fill("6");
  await atelier().getByRole("button", { name: "Trim" }).click();
  await expect(atelier()).toContainText("Trim to less than the area held now.");
  await atelier()
    .getByLabel(/Trim to/)
    .fill("4");
  await atelier().getByRole("button", { name: "Trim" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Space trimmed." })).toBeVisible();
  await expect(atelier()).toContainText("4 m²");
  await expect(atelier()).toContainText("Confirmed");

  // A task with an owner and a due date joins the shared list.
  const title = `Book the interpreter ${Date.now()}`;
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const addTask = page.locator("form.add-task-form");
  await addTask.getByLabel("What needs doing").fill(title);
  await addTask.getByLabel("Kind").selectOption("travel");
  await addTask.getByLabel("Owner").selectOption({ label: "Luciana Machado (Passo Firme Calçados Ltda.)" });
  await addTask.getByLabel("Due date").fill(due);
  await addTask.getByRole("button", { name: "Add the task" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Task added." })).toBeVisible();
  const row = page.getByTestId("task-table").getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Luciana Machado");
  // Overdue tasks stand out in words, not colour only.
  const overdueRows = page.getByTestId("task-table").locator("tr.task-overdue");
  await expect(overdueRows.first()).toContainText("Overdue");
  // The notice counts the overdue rows.
  const overdue = await overdueRows.count();
  await expect(page.getByTestId("overdue-notice")).toHaveText(overdue === 1 ? "1 task is overdue." : `${overdue} tasks are overdue.`);
  await context.close();
});

for (const [role, email] of [
  ["broker", DEMO.broker],
  ["exhibitor", "brand@jointly.example"],
] as const) {
  test(`the stand page, the stand form and the fairs pages pass axe for the ${role}, on a phone too`, async ({ browser }) => {
    // Axe over the stand page (plan, tables, forms) takes a while on a loaded machine.
    test.setTimeout(150_000);
    const { page, context } = await newSignedInPage(browser, email, DEMO.password);
    await openStand(page);
    await expectAccessible(page);
    const standUrl = page.url();
    await page.goto("/fairs");
    await expect(page.getByTestId("fairs")).toContainText("GDS Düsseldorf shoe fair");
    await expectAccessible(page);
    if (email === DEMO.broker) {
      await page.goto("/fairs/new");
      await expectAccessible(page);
      await page.goto(`${standUrl}/edit`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the stand");
      await expectAccessible(page);
      await page.goto("/networks");
      await page.getByRole("link", { name: "Sinos Valley Footwear Network" }).first().click();
      await page.getByTestId("new-stand").click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("New joint trade-fair stand");
      await page.getByRole("button", { name: "Add a subsidy" }).click();
      await expect(page.getByTestId("subsidy-0")).toBeVisible();
      await expectAccessible(page);
    }
    // On a phone: axe again, and nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of [standUrl, "/fairs"]) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await expectAccessible(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
}
