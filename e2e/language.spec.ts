import { expect, expectAccessible, signUpSme, test } from "./fixtures";

test("a user switches the language; it is remembered on the account", async ({ page, browser }) => {
  const email = await signUpSme(page, { firmName: "Firma Idioma" });
  await page.getByLabel("Language").first().selectOption("pt-BR");
  await expect(page.getByTestId("notification-bell")).toContainText("Notificações");
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  await expectAccessible(page);
  await page.reload();
  await expect(page.getByTestId("notification-bell")).toContainText("Notificações");

  // A fresh browser whose Accept-Language is Spanish still sees the account's choice after sign-in.
  const context = await browser.newContext({ locale: "es-ES" });
  const other = await context.newPage();
  await other.goto("/login");
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
  await other.getByLabel("Correo electrónico").fill(email);
  await other.getByLabel("Contraseña").fill("e2e-password-123");
  await other.getByRole("button", { name: "Iniciar sesión" }).click();
  await expect(other.getByTestId("notification-bell")).toContainText("Notificações");
  await context.close();
});
