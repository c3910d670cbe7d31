import { expect, expectAccessible, signUpSme, test } from "./fixtures";

test("an SME edits its firm profile and chain position", async ({ page }) => {
  await signUpSme(page, { firmName: "Curtume Perfil" });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My firm" }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Edit profile" }).click();
  await expectAccessible(page);

  await page.getByLabel("Region").fill("Estância Velha, RS");
  await page.getByLabel("Employees").fill("85");
  await page.getByLabel("Annual turnover").fill("12500000.50");
  await page.getByLabel("Currency").selectOption("BRL");
  await page.getByLabel("Value-chain link").selectOption("processing");
  await page.getByLabel("Tier", { exact: true }).selectOption("2");
  await page.getByLabel("Quality control").check();
  await page.getByLabel("Functional upgrading").check();
  await page.getByRole("button", { name: "Add a certification" }).click();
  await page.getByLabel("Certification").selectOption("lwg");
  await page.getByLabel("Expires on").fill("2027-06-30");
  await page.getByRole("button", { name: "Add a product capacity" }).click();
  await page.getByLabel("Product", { exact: true }).fill("Finished leather");
  await page.getByLabel("Unit", { exact: true }).fill("m²");
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page).toHaveURL(/\/firm$/);
  await expect(page.getByRole("status").filter({ hasText: "Firm profile saved" })).toBeVisible();
  await expect(page.getByText("Estância Velha, RS")).toBeVisible();
  await expect(page.getByText("Processing", { exact: true })).toBeVisible();
  await expect(page.getByText("R$12,500,000.50")).toBeVisible();
  await expect(page.getByText("Leather Working Group")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Finished leather" })).toBeVisible();
  await expectAccessible(page);
});

test("invalid profile input shows field errors and keeps the old profile", async ({ page }) => {
  await signUpSme(page, { firmName: "Firma Inválida" });
  await page.goto("/firm/edit");
  await page.getByLabel("Firm name").fill("");
  await page.getByLabel("Website").fill("ftp://nope");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Required").first()).toBeVisible();
  await expect(page.getByText("Must be a web address")).toBeVisible();
  await page.goto("/firm");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Firma Inválida");
});
