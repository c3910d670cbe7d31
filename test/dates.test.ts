import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clubMeeting } from "../db/schema/learning";
import { fair, initiative as initiativeTable } from "../db/schema/index";
import { getI18n } from "../i18n/i18n";
import { translateIssue } from "../app/lib/messages";
import { calendarDateSchema, dateTimeSchema } from "../server/schemas/dates";
import { scheduleMeeting } from "../server/services/learning/schedule-meeting";
import { addStandLead } from "../server/services/stands/add-stand-lead";
import { addStandTask } from "../server/services/stands/add-stand-task";
import { createStand } from "../server/services/stands/create-stand";
import { requestStandSpace } from "../server/services/stands/request-stand-space";
import { refusal } from "./answers";
import { createTestDatabase, type TestDatabase } from "./db";
import { makeDeps } from "./factories";
import { openClub } from "./learning-fixtures";
import { networkWithMembers } from "./network-fixtures";
import { openStand, shoeFair, standInput } from "./stand-fixtures";

/**
 * Dates PostgreSQL cannot store (year 0000) or nobody means (year 0042) are a 400 with a field
 * message, never a 500 from the database: every date field of server/schemas/ goes through
 * server/schemas/dates.ts.
 */

let database: TestDatabase;
let deps: ReturnType<typeof makeDeps>;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = makeDeps(database.db);
});
afterAll(async () => {
  await database.drop();
});

describe("the shared date schemas", () => {
  it("accept real days in 1900–9999 and refuse the rest with one message", () => {
    for (const ok of ["1900-01-01", "2028-02-29", "2027-12-31", "9999-12-31"])
      expect(calendarDateSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of [
      "0000-01-01",
      "0000-02-01",
      "0042-06-01",
      "1899-12-31",
      "2027-02-29",
      "2027-13-01",
      "2027-04-31",
      "10000-01-01",
      "soon",
      "",
    ]) {
      const result = calendarDateSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error!.issues, bad).toHaveLength(1);
    }
    for (const ok of ["2027-01-01T09:00", "2027-01-01T09:00:00Z", "2027-01-01T09:00:00+02:00"])
      expect(dateTimeSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["0000-01-01T09:00", "0001-01-01T09:00:00Z", "2027-02-30T09:00", "2027-01-01"]) {
      const result = dateTimeSchema.safeParse(bad);
      expect(result.success, bad).toBe(false);
      expect(result.error!.issues, bad).toHaveLength(1);
    }
  });

  it("gives forms a translated message for an absurd year", () => {
    const issue = calendarDateSchema.safeParse("0000-01-01").error!.issues[0];
    expect(issue.message).toBe("Must be a date between the years 1900 and 9999");
    const texts = (["en", "pt-BR", "es"] as const).map((locale) => translateIssue(issue as never, getI18n(locale).t));
    expect(texts).toEqual([
      "Must be a date between the years 1900 and 9999",
      "Deve ser uma data entre os anos 1900 e 9999",
      "Debe ser una fecha entre los años 1900 y 9999",
    ]);
  });
});

describe("year 0000 is a 400, not a database error", () => {
  it("createFair refuses startsOn 0000-02-01 and writes nothing", async () => {
    const { broker } = await networkWithMembers(deps, 0);
    const before = (await database.db.select({ id: fair.id }).from(fair)).length;
    expect(await refusal(shoeFair(deps, broker.actor, { startsOn: "0000-02-01" }))).toMatchObject({
      code: "invalid_input",
      fields: { startsOn: [expect.any(String)] },
    });
    expect(await refusal(shoeFair(deps, broker.actor, { startsOn: "0000-02-01", endsOn: "0000-02-03" }))).toMatchObject({
      code: "invalid_input",
      fields: { startsOn: [expect.any(String)], endsOn: [expect.any(String)] },
    });
    expect((await database.db.select({ id: fair.id }).from(fair)).length).toBe(before);
  });

  it("createStand refuses deadline 0000-01-01", async () => {
    const { broker, networkId } = await networkWithMembers(deps, 0);
    const fairRow = await shoeFair(deps, broker.actor);
    expect(await refusal(createStand(deps, broker.actor, standInput(networkId, fairRow.id, { deadline: "0000-01-01" })))).toMatchObject({
      code: "invalid_input",
      fields: { deadline: [expect.any(String)] },
    });
    expect(
      await database.db.select({ id: initiativeTable.id }).from(initiativeTable).where(eq(initiativeTable.networkId, networkId)),
    ).toEqual([]);
  });

  it("addStandTask refuses dueOn 0000-01-01 and addStandLead followUpOn 0000-01-01", async () => {
    const { broker, networkId, smes } = await networkWithMembers(deps, 1);
    const { initiativeId } = await openStand(deps, broker.actor, networkId);
    await requestStandSpace(deps, smes[0].actor, { initiativeId, areaM2: "4" });
    expect(await refusal(addStandTask(deps, broker.actor, { initiativeId, title: "Ship samples", dueOn: "0000-01-01" }))).toMatchObject({
      code: "invalid_input",
      fields: { dueOn: [expect.any(String)] },
    });
    expect(
      await refusal(
        addStandLead(deps, smes[0].actor, {
          initiativeId,
          buyerName: "Schuhhaus Becker",
          country: "DE",
          buyerType: "retailer",
          followUpOn: "0000-01-01",
        }),
      ),
    ).toMatchObject({ code: "invalid_input", fields: { followUpOn: [expect.any(String)] } });
  });

  it("scheduleMeeting refuses startsAt 0000-01-01T09:00", async () => {
    const { broker, members, initiativeId } = await openClub(deps, { members: 1 });
    const input = {
      initiativeId,
      title: "Plant visit",
      hostFirmId: members[0].firmId,
      startsAt: "0000-01-01T09:00",
      endsAt: "2027-01-01T13:00",
      timeZone: "Europe/Lisbon",
      place: "Plant 1",
      agenda: "",
    };
    expect(await refusal(scheduleMeeting(deps, broker.actor, input))).toMatchObject({
      code: "invalid_input",
      fields: { startsAt: [expect.any(String)] },
    });
    expect(await database.db.select({ id: clubMeeting.id }).from(clubMeeting).where(eq(clubMeeting.initiativeId, initiativeId))).toEqual(
      [],
    );
  });
});
