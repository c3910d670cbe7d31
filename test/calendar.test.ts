import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendarFeed } from "../db/schema/calendar";
import { initiative, initiativeParticipant } from "../db/schema/initiatives";
import { benchmarkClub, clubMeeting } from "../db/schema/learning";
import { fair, stand, standTask } from "../db/schema/stands";
import type { Actor } from "../server/authz/actor";
import { getCalendarFeed } from "../server/services/calendar/get-calendar-feed";
import { resetCalendarFeed } from "../server/services/calendar/reset-calendar-feed";
import { userCalendar } from "../server/services/calendar/user-calendar";
import { actorOf, createFirmOwner, createUserWithRole, makeDeps, PASSWORD, unique } from "./factories";
import { networkWithMembers } from "./network-fixtures";
import { browserless, signIn, startTestServer, type TestServer } from "./server";

/**
 * The per-user calendar subscription: what each user's feed lists (fairs and tasks of the stands,
 * meetings of the clubs they may see), the secret token, its reset, and the HTTP feed itself.
 * Stands and clubs are inserted directly, so this file tests the feed, not the stand services.
 */
let server: TestServer;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  server = await startTestServer({ pages: true });
  deps = makeDeps(server.app.deps.db);
});
afterAll(async () => {
  await server.close();
});

/** The unfolded lines of a calendar, and its events as property maps. */
function read(ics: string) {
  const lines = ics.replace(/\r\n[ \t]/g, "").split("\r\n");
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  let inAlarm = false;
  for (const line of lines) {
    if (line === "BEGIN:VEVENT") current = {};
    else if (line === "END:VEVENT") {
      events.push(current!);
      current = null;
    } else if (line === "BEGIN:VALARM") inAlarm = true;
    else if (line === "END:VALARM") inAlarm = false;
    else if (current && !inAlarm) {
      const colon = line.indexOf(":");
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  const uids = events.map((e) => e.UID);
  return { lines, events, uids };
}

async function feedOf(actor: Actor) {
  const { token } = await getCalendarFeed(deps, actor);
  return read(await userCalendar(deps, { token }));
}

interface World {
  broker: Actor;
  participant: Actor;
  member: Actor;
  outsider: Actor;
  openStandId: string;
  draftStandId: string;
  fairName: string;
  draftFairName: string;
  openTaskId: string;
  doneTaskId: string;
  clubId: string;
  meetingId: string;
  cancelledMeetingId: string;
}

async function insertStand(
  networkId: string,
  createdBy: string,
  status: "draft" | "open",
  fairName: string,
  startsOn: string,
  endsOn: string,
) {
  const db = deps.db;
  const [fairRow] = await db
    .insert(fair)
    .values({ name: fairName, venue: "Messe", city: "Düsseldorf", country: "DE", startsOn, endsOn, organiser: "Messe GmbH", createdBy })
    .returning();
  const [row] = await db
    .insert(initiative)
    .values({
      networkId,
      objective: "joint_selling",
      title: unique("Joint stand"),
      deadline: new Date("2026-12-20T23:59:59Z"),
      status,
      createdBy,
    })
    .returning();
  await db.insert(stand).values({ initiativeId: row.id, fairId: fairRow.id, areaDm2: 4000, totalCostMinor: 2_000_000, currency: "EUR" });
  return row.id;
}

let world: World;

beforeAll(async () => {
  const db = deps.db;
  const { broker, networkId, smes } = await networkWithMembers(deps, 3);
  const [participant, member, clubMate] = smes;
  const outsider = await createFirmOwner(deps);

  const fairName = unique("GDS shoe fair");
  const draftFairName = unique("Draft fair");
  const openStandId = await insertStand(networkId, broker.id, "open", fairName, "2027-03-14", "2027-03-17");
  const draftStandId = await insertStand(networkId, broker.id, "draft", draftFairName, "2027-06-01", "2027-06-03");
  await db.insert(initiativeParticipant).values({ initiativeId: openStandId, firmId: participant.firmId });
  const [openTask, doneTask] = await db
    .insert(standTask)
    .values([
      { initiativeId: openStandId, title: "Ship samples", category: "samples", dueOn: "2027-02-28", ownerUserId: participant.userId },
      { initiativeId: openStandId, title: "Book the hotel", category: "travel", dueOn: "2027-01-15", status: "done" },
    ])
    .returning();

  const [club] = await db
    .insert(initiative)
    .values({
      networkId,
      objective: "learning_network",
      title: unique("Benchmarking club"),
      deadline: new Date("2027-12-31T23:59:59Z"),
      status: "open",
    })
    .returning();
  await db.insert(benchmarkClub).values({ initiativeId: club.id, periodKind: "quarter" });
  await db.insert(initiativeParticipant).values([
    { initiativeId: club.id, firmId: participant.firmId },
    { initiativeId: club.id, firmId: clubMate.firmId },
  ]);
  const [meeting, cancelled] = await db
    .insert(clubMeeting)
    .values([
      {
        initiativeId: club.id,
        title: "Plant visit: quick set-up",
        hostFirmId: clubMate.firmId,
        startsAt: new Date("2027-04-02T12:00:00Z"),
        endsAt: new Date("2027-04-02T15:30:00Z"),
        place: "Rua das Palmeiras 100, Novo Hamburgo",
        agenda: "SMED workshop; results review",
      },
      {
        initiativeId: club.id,
        title: "Cancelled visit",
        startsAt: new Date("2027-05-02T12:00:00Z"),
        endsAt: new Date("2027-05-02T15:00:00Z"),
        place: "Elsewhere",
        status: "cancelled",
      },
    ])
    .returning();

  world = {
    broker: broker.actor,
    participant: await actorOf(db, participant.userId),
    member: await actorOf(db, member.userId),
    outsider: outsider.actor,
    openStandId,
    draftStandId,
    fairName,
    draftFairName,
    openTaskId: openTask.id,
    doneTaskId: doneTask.id,
    clubId: club.id,
    meetingId: meeting.id,
    cancelledMeetingId: cancelled.id,
  };
});

describe("what a feed lists", () => {
  it("a member taking part sees its network's fair, the stand's open tasks and its club's meetings", async () => {
    const feed = await feedOf(world.participant);
    expect(feed.uids).toEqual(
      expect.arrayContaining([
        `stand-fair-${world.openStandId}@jointly`,
        `stand-task-${world.openTaskId}@jointly`,
        `club-meeting-${world.meetingId}@jointly`,
      ]),
    );
    const fairEvent = feed.events.find((e) => e.UID === `stand-fair-${world.openStandId}@jointly`)!;
    expect(fairEvent["DTSTART;VALUE=DATE"]).toBe("20270314");
    expect(fairEvent["DTEND;VALUE=DATE"]).toBe("20270318");
    expect(fairEvent.SUMMARY).toContain(world.fairName);
    const task = feed.events.find((e) => e.UID === `stand-task-${world.openTaskId}@jointly`)!;
    expect(task["DTSTART;VALUE=DATE"]).toBe("20270228");
    expect(task.SUMMARY).toContain("Ship samples");
    const meeting = feed.events.find((e) => e.UID === `club-meeting-${world.meetingId}@jointly`)!;
    expect(meeting.DTSTART).toBe("20270402T120000Z");
    expect(meeting.DTEND).toBe("20270402T153000Z");
    expect(meeting.LOCATION).toBe("Rua das Palmeiras 100\\, Novo Hamburgo");
    expect(meeting.DESCRIPTION).toContain("SMED workshop\\; results review");
    // Done tasks, cancelled meetings and the draft stand are not dates to keep.
    expect(feed.uids).not.toContain(`stand-task-${world.doneTaskId}@jointly`);
    expect(feed.uids).not.toContain(`club-meeting-${world.cancelledMeetingId}@jointly`);
    expect(feed.uids.some((u) => u.includes(world.draftStandId))).toBe(false);
    expect(feed.lines.join("\n")).not.toContain(world.draftFairName);
    // Chronological: the task (Feb) before the fair (Mar) before the meeting (Apr).
    expect(feed.uids.indexOf(`stand-task-${world.openTaskId}@jointly`)).toBeLessThan(
      feed.uids.indexOf(`stand-fair-${world.openStandId}@jointly`),
    );
    expect(feed.uids.indexOf(`stand-fair-${world.openStandId}@jointly`)).toBeLessThan(
      feed.uids.indexOf(`club-meeting-${world.meetingId}@jointly`),
    );
  });

  it("a member not taking part sees the fair, but neither the tasks nor the club's meetings", async () => {
    const feed = await feedOf(world.member);
    expect(feed.uids).toContain(`stand-fair-${world.openStandId}@jointly`);
    expect(feed.uids).not.toContain(`stand-task-${world.openTaskId}@jointly`);
    expect(feed.uids).not.toContain(`club-meeting-${world.meetingId}@jointly`);
    expect(feed.uids.some((u) => u.includes(world.draftStandId))).toBe(false);
  });

  it("the network's broker sees both stands, the draft included, the tasks and the meetings", async () => {
    const feed = await feedOf(world.broker);
    expect(feed.uids).toEqual(
      expect.arrayContaining([
        `stand-fair-${world.openStandId}@jointly`,
        `stand-fair-${world.draftStandId}@jointly`,
        `stand-task-${world.openTaskId}@jointly`,
        `club-meeting-${world.meetingId}@jointly`,
      ]),
    );
  });

  it("an SME outside the network gets an empty calendar", async () => {
    const feed = await feedOf(world.outsider);
    expect(feed.events).toEqual([]);
    expect(feed.lines[0]).toBe("BEGIN:VCALENDAR");
    expect(feed.lines).toContain("END:VCALENDAR");
  });

  it("a stand cancelled by its broker leaves every feed", async () => {
    const cancelledId = await insertStand(
      (await deps.db.select({ networkId: initiative.networkId }).from(initiative).where(eq(initiative.id, world.openStandId)))[0].networkId,
      world.broker.userId,
      "open",
      unique("Cancelled fair"),
      "2027-09-01",
      "2027-09-02",
    );
    expect((await feedOf(world.member)).uids).toContain(`stand-fair-${cancelledId}@jointly`);
    await deps.db.update(initiative).set({ status: "cancelled" }).where(eq(initiative.id, cancelledId));
    expect((await feedOf(world.member)).uids).not.toContain(`stand-fair-${cancelledId}@jointly`);
    expect((await feedOf(world.broker)).uids).not.toContain(`stand-fair-${cancelledId}@jointly`);
  });

  it("the calendar is named after its user and asks apps to refresh it hourly", async () => {
    const feed = await feedOf(world.participant);
    expect(feed.lines).toContain(`X-WR-CALNAME:Jointly: ${world.participant.name}`);
    expect(feed.lines).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT60M");
  });
});

describe("the secret token", () => {
  it("is created once, long and URL-safe, and is the same on every visit", async () => {
    const user = await createUserWithRole(deps, "broker");
    const first = await getCalendarFeed(deps, user.actor);
    const again = await getCalendarFeed(deps, user.actor);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(again).toEqual(first);
    expect(first.path).toBe(`/calendar/${first.token}.ics`);
    const rows = await deps.db.select().from(calendarFeed).where(eq(calendarFeed.userId, user.id));
    expect(rows.map((r) => r.token)).toEqual([first.token]);
  });

  it("two first visits at once create one token", async () => {
    const user = await createUserWithRole(deps, "sme");
    const [a, b] = await Promise.all([getCalendarFeed(deps, user.actor), getCalendarFeed(deps, user.actor)]);
    expect(a.token).toBe(b.token);
  });

  it("reset gives a new token and the old one stops working", async () => {
    const { token: old } = await getCalendarFeed(deps, world.member);
    const fresh = await resetCalendarFeed(deps, world.member);
    expect(fresh.token).not.toBe(old);
    expect((await getCalendarFeed(deps, world.member)).token).toBe(fresh.token);
    await expect(userCalendar(deps, { token: old })).rejects.toMatchObject({ code: "not_found" });
    expect(read(await userCalendar(deps, { token: fresh.token })).uids).toContain(`stand-fair-${world.openStandId}@jointly`);
  });

  it("an unknown or malformed token is not found", async () => {
    for (const token of ["A".repeat(43), "short", "../../etc/passwd", "", null, 42]) {
      await expect(userCalendar(deps, { token })).rejects.toMatchObject({ code: "not_found" });
    }
    await expect(userCalendar(deps, undefined)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("over HTTP", () => {
  it("serves the feed as text/calendar without a session, and 404 for a bad token", async () => {
    const { token } = await server.app.services.calendar.getCalendarFeed(world.participant);
    const response = await fetch(`${server.url}/calendar/${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(read(body).uids).toContain(`stand-fair-${world.openStandId}@jointly`);

    for (const bad of [`${"x".repeat(43)}.ics`, "nothing.ics", `${token.slice(1)}.ics`]) {
      const miss = await fetch(`${server.url}/calendar/${bad}`);
      expect(miss.status, bad).toBe(404);
      await miss.text();
    }
  });

  it("the settings page shows the address and resets it without JavaScript", async () => {
    const user = await createFirmOwner(deps);
    const cookie = await signIn(server.url, user.email, PASSWORD);
    const { page, post } = browserless(server.url);
    const before = await server.app.services.calendar.getCalendarFeed(user.actor);

    const html = await (await page("/settings", cookie)).text();
    expect(html).toContain(`${server.url}/calendar/${before.token}.ics`);
    expect(html).toContain("Calendar subscription");

    const reset = await post("/settings", cookie, { intent: "calendarReset" });
    expect(reset.status).toBe(302);
    expect(reset.headers.get("location")).toBe("/settings");
    const after = await server.app.services.calendar.getCalendarFeed(user.actor);
    expect(after.token).not.toBe(before.token);
    expect((await fetch(`${server.url}/calendar/${before.token}.ics`)).status).toBe(404);
    expect((await fetch(`${server.url}/calendar/${after.token}.ics`)).status).toBe(200);
    expect(await (await page("/settings", cookie)).text()).toContain(after.token);
  });
});
