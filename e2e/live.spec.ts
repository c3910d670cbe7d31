import { expect, PASSWORD, signUpSme, test, uniqueEmail } from "./fixtures";

test("a notification arrives live in another browser without reload", async ({ page, browser }) => {
  const firmName = `Calçados Ao Vivo ${Date.now()}`;
  await signUpSme(page, { name: "Olga Owner", firmName });
  await page.goto("/firm");
  await expect(page.getByTestId("live-state")).toHaveAttribute("data-state", "live");
  await expect(page.getByTestId("unread-count")).toContainText("0");

  // A second person, in another browser, asks to join the firm.
  const context = await browser.newContext();
  const joiner = await context.newPage();
  await joiner.goto("/signup");
  await joiner.getByLabel("Your name").fill("Jonas Joiner");
  const joinerEmail = uniqueEmail("joiner");
  await joiner.getByLabel("Email").fill(joinerEmail);
  await joiner.getByLabel("Password").fill(PASSWORD);
  await joiner.getByLabel("Ask to join a firm already on Jointly").check();
  await joiner.getByLabel("Firm to join").selectOption({ label: firmName });
  await joiner.getByRole("button", { name: "Create account" }).click();
  await expect(joiner).toHaveURL(/\/login$/);
  await joiner.getByLabel("Email").fill(joinerEmail);
  await joiner.getByLabel("Password").fill(PASSWORD);
  await joiner.getByRole("button", { name: "Sign in" }).click();
  await expect(joiner).toHaveURL(/\/home$/);

  // The owner's page updates by itself: unread badge and the request list.
  await expect(page.getByTestId("unread-count")).toContainText("1");
  await expect(page.getByTestId("member-requests")).toContainText("Jonas Joiner");
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Request approved" })).toBeVisible();

  // ...and the joiner learns the decision live too.
  await expect(joiner.getByTestId("unread-count")).toContainText("1");
  await context.close();
});
