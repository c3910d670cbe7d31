import { DEMO, expect, expectAccessible, PASSWORD, signUpSme, test, uniqueEmail } from "./fixtures";

test("an SME signs up with a new firm, signs out and signs in again", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Create an account" }).first().click();
  await expectAccessible(page);
  // signUpSme checks the neutral answer on the sign-in page, then signs in.
  const email = await signUpSme(page, { firmName: "Calçados Teste E2E" });
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("banner").getByRole("link", { name: "Sign in" }).click();
  await expectAccessible(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("Email or password is not right");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paula Pereira");
});

test("sign-up shows field errors for invalid input and creates nothing", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("P");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("At least 2 characters").first()).toBeVisible();
  await expect(page.getByText("Must be an email address")).toBeVisible();
  await expect(page.getByText("At least 10 characters").first()).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test("an administrator creates a broker account who can then sign in", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.admin.email);
  await page.getByLabel("Password").fill(DEMO.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Users" }).click();
  await expectAccessible(page);
  const email = uniqueEmail("broker");
  await page.getByLabel("Your name").fill("Bruno Broker");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill(PASSWORD);
  await page.getByLabel("Role").selectOption("broker");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Account created" })).toBeVisible();
  await expect(page.getByTestId("user-table")).toContainText(email);

  const context = await browser.newContext();
  const broker = await context.newPage();
  await broker.goto("/login");
  await broker.getByLabel("Email").fill(email);
  await broker.getByLabel("Password").fill(PASSWORD);
  await broker.getByRole("button", { name: "Sign in" }).click();
  await expect(broker.getByRole("heading", { level: 1 })).toContainText("Bruno Broker");
  await expect(broker.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);
  await context.close();
});

test("forms work without JavaScript: signing in and saving the firm", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("tannery@jointly.example");
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await page.goto("/firm/edit");
  await page.getByLabel("Region").fill("Estância Velha, RS (no JS)");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(/\/firm$/);
  await expect(page.getByText("Estância Velha, RS (no JS)")).toBeVisible();
  await context.close();
});
