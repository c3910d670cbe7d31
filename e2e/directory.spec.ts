import { DEMO, expect, expectAccessible, newSignedInPage, test } from "./fixtures";

test("a broker searches the directory by name and filters", async ({ browser }) => {
  const { page, context } = await newSignedInPage(browser, DEMO.broker, DEMO.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Firm directory" }).click();
  await expectAccessible(page);
  await expect(page.getByTestId("result-count")).toContainText("firms");

  await page.getByLabel("Value-chain link").selectOption("inputs");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/link=inputs/);
  const cards = page.getByTestId("directory-results").getByRole("listitem");
  await expect(cards.first()).toBeVisible();
  for (const text of await cards.allInnerTexts()) expect(text).toContain("Inputs");

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/firms$/);
  await expect(page.getByLabel("Value-chain link")).toHaveValue("");
  await page.getByLabel("Kind").selectOption("buyer");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("result-count")).toHaveText("4 firms");

  const firstBuyer = cards.first().getByRole("link");
  const name = await firstBuyer.innerText();
  await firstBuyer.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Buyer type")).toBeVisible();
  await expect(page.getByText("Annual turnover")).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});
