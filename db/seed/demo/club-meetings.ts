import { clubMeeting, meetingAction, meetingAttendance } from "../../schema/learning";
import { DAY, HOUR } from "./clock";
import { addIsoDays as addDays, type ClubStory } from "./club";
import { CLUB_AGENCY as AGENCY, CLUB_BROKER_EMAIL as BROKER_EMAIL, DEMO_CLUB } from "./club-people";
import { demoId, firmId } from "./ids";

/** The club's meetings at members' plants: two best-in-class workshops held, a visit ahead. */

type MeetingRow = typeof clubMeeting.$inferInsert & { id: string };

function meetingRows(story: ClubStory): { earlierDay: Date; recentDay: Date; meetings: MeetingRow[] } {
  const { initiativeId, today, brokerId } = story;
  const meetings: Array<typeof clubMeeting.$inferInsert & { id: string }> = [];
  const meeting = (key: string, values: Omit<typeof clubMeeting.$inferInsert, "id" | "initiativeId">) => {
    const row = { id: demoId(`club-meeting:${DEMO_CLUB.key}:${key}`), initiativeId, ...values };
    meetings.push(row);
    return row;
  };
  const earlierDay = new Date(today.getTime() - 230 * DAY);
  meeting("inventory-workshop", {
    title: "Best-in-class workshop: inventory control at Swartkops Castings",
    hostFirmId: firmId("swartkops-castings"),
    startsAt: new Date(earlierDay.getTime() + 7 * HOUR),
    endsAt: new Date(earlierDay.getTime() + 12 * HOUR),
    place: "Swartkops Castings, 14 Foundry Road, Deal Party, Gqeberha",
    agenda:
      "1. Swartkops Castings: how pull signals from the machining line cut work in progress by half\n2. Tour of the moulding line and the kanban board\n3. Each member names one inventory action for the next quarter",
    minutes:
      "Eleven people from seven members. Swartkops showed its two-bin kanban between the moulding and fettling lines and the weekly count of work in progress; its inventory turns rose from under 14 to about 17 since the club began. Members with the lowest turns asked for help with supplier lead times; Swartkops offered its supplier scorecard.",
    status: "held",
    createdBy: brokerId,
    createdAt: new Date(earlierDay.getTime() - 21 * DAY),
    updatedAt: new Date(earlierDay.getTime() + 2 * DAY),
    reminderNoticeAt: new Date(earlierDay.getTime() - 2 * DAY),
  });
  const recentDay = new Date(today.getTime() - 40 * DAY);
  meeting("quality-workshop", {
    title: "Best-in-class workshop: zero defects at Nahoon Filters",
    hostFirmId: firmId("nahoon-filters"),
    startsAt: new Date(recentDay.getTime() + 7 * HOUR),
    endsAt: new Date(recentDay.getTime() + 11 * HOUR),
    place: "Nahoon Filters, 3 Chiselhurst Road, East London",
    agenda:
      "1. Nahoon Filters: poka-yoke on the pleating line\n2. Customer reject analysis, member by member (each its own)\n3. Scrap and defects: where the club stands against international competitors",
    minutes:
      "Nine people from six members. Nahoon walked the group through its error-proofing of the pleating and end-cap lines, which took its customer defects from over 1,000 ppm to under 200. The club's median scrap fell from about 3% to under 0.8% in three years and the tail is much shorter, but the members at the end of it still scrap about twice the median. Agreed actions below.",
    status: "held",
    createdBy: brokerId,
    createdAt: new Date(recentDay.getTime() - 25 * DAY),
    updatedAt: new Date(recentDay.getTime() + 1 * DAY),
    reminderNoticeAt: new Date(recentDay.getTime() - 2 * DAY),
  });
  const nextDay = new Date(today.getTime() + 12 * DAY);
  meeting("changeover-visit", {
    title: "Plant visit: quick changeovers at Algoa Pistons & Rings",
    hostFirmId: firmId("algoa-pistons"),
    startsAt: new Date(nextDay.getTime() + 7 * HOUR),
    endsAt: new Date(nextDay.getTime() + 12 * HOUR),
    place: "Algoa Pistons & Rings, 27 Neave Industrial Township, Gqeberha",
    agenda:
      "1. Algoa Pistons: single-minute exchange of dies on the casting cells (set-up time halved in three years, to about 7% of production time)\n2. Walk-through of the machining line changeover\n3. Members' set-up plans for next quarter\n4. Lunch",
    status: "scheduled",
    createdBy: brokerId,
    createdAt: new Date(today.getTime() - 9 * DAY),
    updatedAt: new Date(today.getTime() - 9 * DAY),
  });
  return { earlierDay, recentDay, meetings };
}

function actionRows(
  story: ClubStory,
  earlier: MeetingRow,
  recent: MeetingRow,
  earlierDay: Date,
  recentDay: Date,
): Array<typeof meetingAction.$inferInsert> {
  const { todayIso } = story;
  return [
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:supplier-scorecard`),
      meetingId: earlier.id,
      description: "Share the supplier scorecard template with every member",
      ownerFirmId: firmId("swartkops-castings"),
      dueOn: addDays(earlierDay.toISOString().slice(0, 10), 21),
      status: "done",
      createdAt: new Date(earlierDay.getTime() + 1 * DAY),
    },
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:reject-analysis`),
      meetingId: recent.id,
      description: "Run a customer reject analysis with the tier-one supplier and bring the top three causes to the next workshop",
      ownerFirmId: firmId("buffalo-city-pressings"),
      dueOn: addDays(todayIso, 10),
      status: "open",
      createdAt: new Date(recentDay.getTime() + 1 * DAY),
    },
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:poka-yoke-visit`),
      meetingId: recent.id,
      description: "Host Markman Rubber for a day on the pleating line's error-proofing",
      ownerFirmId: firmId("nahoon-filters"),
      dueOn: addDays(todayIso, 25),
      status: "open",
      createdAt: new Date(recentDay.getTime() + 1 * DAY),
    },
    {
      id: demoId(`meeting-action:${DEMO_CLUB.key}:scrap-plan`),
      meetingId: recent.id,
      description: "Each member in the club's last quarter on scrap writes a three-month scrap reduction plan",
      ownerFirmId: firmId("markman-rubber"),
      dueOn: addDays(todayIso, 40),
      status: "open",
      createdAt: new Date(recentDay.getTime() + 1 * DAY),
    },
  ];
}

export async function seedClubMeetings(story: ClubStory): Promise<void> {
  const { tx, broker, record, userIds } = story;
  const { earlierDay, recentDay, meetings } = meetingRows(story);
  const [earlier, recent, next] = meetings;
  await tx.insert(clubMeeting).values(meetings).onConflictDoNothing();
  for (const m of meetings) {
    record(`meeting:${m.id}:scheduled`, m.createdAt!, broker, {
      action: "club.meeting_scheduled",
      initiative: true,
      after: { title: m.title, startsAt: m.startsAt.toISOString(), place: m.place },
    });
    if (m.status === "held")
      record(`meeting:${m.id}:held`, m.updatedAt!, broker, {
        action: "club.meeting_held",
        initiative: true,
        before: { status: "scheduled" },
        after: { status: "held" },
      });
  }

  const attendance: Array<typeof meetingAttendance.$inferInsert> = [];
  const answer = (m: { id: string; createdAt?: Date }, email: string, firmKey: string, response: "yes" | "no") =>
    attendance.push({
      meetingId: m.id,
      userId: userIds.get(email)!,
      firmId: firmId(firmKey),
      response,
      updatedAt: new Date(m.createdAt!.getTime() + 3 * DAY),
    });
  for (const m of [earlier, recent]) {
    answer(m, BROKER_EMAIL, AGENCY.key, "yes");
    answer(m, "pistons@jointly.example", "algoa-pistons", "yes");
    answer(m, "castings@jointly.example", "swartkops-castings", "yes");
  }
  answer(next, BROKER_EMAIL, AGENCY.key, "yes");
  answer(next, "castings@jointly.example", "swartkops-castings", "yes");
  await tx.insert(meetingAttendance).values(attendance).onConflictDoNothing();

  await tx
    .insert(meetingAction)
    .values(actionRows(story, earlier, recent, earlierDay, recentDay))
    .onConflictDoNothing();
}
