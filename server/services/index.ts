import { createUser } from "./accounts/create-user";
import { listUsers } from "./accounts/list-users";
import { loadActor } from "./accounts/load-actor";
import { setLocale } from "./accounts/set-locale";
import { signUp } from "./accounts/sign-up";
import { acceptInvitationLink, getInvitationLink } from "./networks/accept-invitation-link";
import { addNetworkBroker } from "./networks/add-network-broker";
import { applyToNetwork } from "./networks/apply-to-network";
import { createNetwork } from "./networks/create-network";
import { decideApplication } from "./networks/decide-application";
import { getNetwork } from "./networks/get-network";
import { inviteToNetwork } from "./networks/invite-to-network";
import { leaveNetwork } from "./networks/leave-network";
import { listNetworks } from "./networks/list-networks";
import { listNetworkNames } from "./networks/list-network-names";
import { respondToInvitation } from "./networks/respond-to-invitation";
import { updateNetwork } from "./networks/update-network";
import { createInitiative } from "./initiatives/create-initiative";
import { getCostShares, getInitiative, getJointBuy } from "./initiatives/get-initiative";
import { joinInitiative } from "./initiatives/join-initiative";
import { leaveInitiative } from "./initiatives/leave-initiative";
import { notifyDeadlines } from "./initiatives/notify-deadlines";
import { postInitiativeMessage } from "./initiatives/post-message";
import { purchaseSummaryCsv } from "./initiatives/purchase-summary";
import { setInitiativeBudget } from "./initiatives/set-initiative-budget";
import { setJointBuyCommitment } from "./initiatives/set-joint-buy-commitment";
import { transitionInitiative } from "./initiatives/transition-initiative";
import { updateInitiative } from "./initiatives/update-initiative";
import { addSalesEntries } from "./ledger/add-sales-entries";
import { deleteSalesEntry } from "./ledger/delete-sales-entry";
import { importSalesCsv, salesCsvTemplate } from "./ledger/import-sales-csv";
import { listExchangeRates } from "./ledger/list-exchange-rates";
import { listSalesEntries } from "./ledger/list-sales-entries";
import { getFirmDependence } from "./ledger/get-firm-dependence";
import { getNetworkDependence } from "./ledger/get-network-dependence";
import { setExchangeRate } from "./ledger/set-exchange-rate";
import { createConsortiumInitiative } from "./sourcing/create-consortium-initiative";
import { createNeed } from "./sourcing/create-need";
import { decideResponse } from "./sourcing/decide-response";
import { getNeed } from "./sourcing/get-need";
import { listConsortiumProposals } from "./sourcing/list-consortium-proposals";
import { listFormedConsortia } from "./sourcing/list-formed-consortia";
import { listMyMatchingNeeds } from "./sourcing/list-my-matching-needs";
import { listNeedMatches } from "./sourcing/list-need-matches";
import { listNeeds } from "./sourcing/list-needs";
import { respondToNeed } from "./sourcing/respond-to-need";
import { transitionNeed } from "./sourcing/transition-need";
import { updateNeed } from "./sourcing/update-need";
import type { Deps } from "./deps";
import { decideMemberRequest } from "./firms/decide-member-request";
import { getFirm } from "./firms/get-firm";
import { getMyFirm } from "./firms/get-my-firm";
import { listFirmNames } from "./firms/list-firm-names";
import { searchFirms } from "./firms/search-firms";
import { updateMyFirm } from "./firms/update-my-firm";
import { countUnread, listNotifications } from "./notifications/list-notifications";
import { markNotificationRead } from "./notifications/mark-notification-read";
import { getCalendarFeed } from "./calendar/get-calendar-feed";
import { resetCalendarFeed } from "./calendar/reset-calendar-feed";
import { userCalendar } from "./calendar/user-calendar";
import { addStandLead, inviteLeadBuyer } from "./stands/add-stand-lead";
import { addStandTask, updateStandTask } from "./stands/add-stand-task";
import { createFair, listFairs } from "./stands/create-fair";
import { createStand } from "./stands/create-stand";
import { decideStandSpace } from "./stands/decide-stand-space";
import { exportStandCalendar } from "./stands/export-stand-calendar";
import { getStand, getStandCosts } from "./stands/get-stand";
import { getLeadInvitation } from "./stands/lead-invitation";
import { notifyStandReminders } from "./stands/notify-stand-reminders";
import { releaseStandSpace } from "./stands/release-stand-space";
import { requestStandSpace } from "./stands/request-stand-space";
import { updateStand } from "./stands/update-stand";
import { closeBenchmarkPeriod } from "./learning/close-benchmark-period";
import { createBenchmarkClub } from "./learning/create-benchmark-club";
import { createKpi } from "./learning/create-kpi";
import { exportBenchmarkCsv } from "./learning/export-benchmark-csv";
import { exportClubCalendar } from "./learning/export-club-calendar";
import { getBenchmarkClub } from "./learning/get-benchmark-club";
import { getBenchmarkReport } from "./learning/get-benchmark-report";
import { importKpiCsv } from "./learning/import-kpi-csv";
import { listKpis } from "./learning/list-kpis";
import { addMeetingAction, updateMeetingAction } from "./learning/meeting-actions";
import { notifyLearningReminders } from "./learning/notify-learning-reminders";
import { openBenchmarkPeriod } from "./learning/open-benchmark-period";
import { publishBenchmarkPeriod } from "./learning/publish-benchmark-period";
import { respondToMeeting } from "./learning/respond-to-meeting";
import { scheduleMeeting } from "./learning/schedule-meeting";
import { setKpiReference } from "./learning/set-kpi-reference";
import { submitKpiValues } from "./learning/submit-kpi-values";
import { updateMeeting } from "./learning/update-meeting";

/** A use case with the process's dependencies filled in. */
type Bind = <A extends unknown[], R>(fn: (d: Deps, ...args: A) => R) => (...args: A) => R;

/**
 * Every use case bound to the process's dependencies. Routes, the JSON API and sockets reach
 * them through the load context, so the Remix build never holds a second database handle.
 */
export function createServices(deps: Deps) {
  const bind: Bind =
    (fn) =>
    (...args) =>
      fn(deps, ...args);
  return {
    accounts: accountsServices(bind, deps),
    firms: firmsServices(bind),
    networks: networksServices(bind, deps),
    initiatives: initiativesServices(bind, deps),
    sourcing: sourcingServices(bind),
    ledger: ledgerServices(bind),
    learning: learningServices(bind, deps),
    stands: standsServices(bind, deps),
    calendar: calendarServices(bind),
    notifications: notificationsServices(bind, deps),
  };
}

export type Services = ReturnType<typeof createServices>;

function accountsServices(bind: Bind, deps: Deps) {
  return {
    signUp: bind(signUp),
    createUser: bind(createUser),
    listUsers: bind(listUsers),
    setLocale: bind(setLocale),
    loadActor: (userId: string) => loadActor(deps.db, userId),
  };
}

function firmsServices(bind: Bind) {
  return {
    getMyFirm: bind(getMyFirm),
    updateMyFirm: bind(updateMyFirm),
    getFirm: bind(getFirm),
    searchFirms: bind(searchFirms),
    decideMemberRequest: bind(decideMemberRequest),
    listFirmNames: bind(listFirmNames),
  };
}

function networksServices(bind: Bind, deps: Deps) {
  return {
    list: bind(listNetworks),
    listNames: () => listNetworkNames(deps),
    create: bind(createNetwork),
    update: bind(updateNetwork),
    get: bind(getNetwork),
    invite: bind(inviteToNetwork),
    respondToInvitation: bind(respondToInvitation),
    getInvitationLink: bind(getInvitationLink),
    acceptInvitationLink: bind(acceptInvitationLink),
    apply: bind(applyToNetwork),
    decideApplication: bind(decideApplication),
    leave: bind(leaveNetwork),
    addBroker: bind(addNetworkBroker),
  };
}

function initiativesServices(bind: Bind, deps: Deps) {
  return {
    create: bind(createInitiative),
    update: bind(updateInitiative),
    transition: bind(transitionInitiative),
    get: bind(getInitiative),
    join: bind(joinInitiative),
    leave: bind(leaveInitiative),
    postMessage: bind(postInitiativeMessage),
    setCommitment: bind(setJointBuyCommitment),
    getJointBuy: bind(getJointBuy),
    setBudget: bind(setInitiativeBudget),
    getCostShares: bind(getCostShares),
    purchaseSummaryCsv: bind(purchaseSummaryCsv),
    notifyDeadlines: () => notifyDeadlines(deps),
  };
}

function sourcingServices(bind: Bind) {
  return {
    create: bind(createNeed),
    update: bind(updateNeed),
    transition: bind(transitionNeed),
    list: bind(listNeeds),
    get: bind(getNeed),
    matches: bind(listNeedMatches),
    myMatchingNeeds: bind(listMyMatchingNeeds),
    consortiumProposals: bind(listConsortiumProposals),
    formedConsortia: bind(listFormedConsortia),
    createConsortium: bind(createConsortiumInitiative),
    respond: bind(respondToNeed),
    decideResponse: bind(decideResponse),
  };
}

function ledgerServices(bind: Bind) {
  return {
    addEntries: bind(addSalesEntries),
    list: bind(listSalesEntries),
    deleteEntry: bind(deleteSalesEntry),
    setExchangeRate: bind(setExchangeRate),
    listExchangeRates: bind(listExchangeRates),
    importCsv: bind(importSalesCsv),
    csvTemplate: salesCsvTemplate,
    firmDependence: bind(getFirmDependence),
    networkDependence: bind(getNetworkDependence),
  };
}

function learningServices(bind: Bind, deps: Deps) {
  return {
    listKpis: bind(listKpis),
    createKpi: bind(createKpi),
    createBenchmarkClub: bind(createBenchmarkClub),
    getBenchmarkClub: bind(getBenchmarkClub),
    openBenchmarkPeriod: bind(openBenchmarkPeriod),
    closeBenchmarkPeriod: bind(closeBenchmarkPeriod),
    publishBenchmarkPeriod: bind(publishBenchmarkPeriod),
    submitKpiValues: bind(submitKpiValues),
    importKpiCsv: bind(importKpiCsv),
    setKpiReference: bind(setKpiReference),
    getBenchmarkReport: bind(getBenchmarkReport),
    exportBenchmarkCsv: bind(exportBenchmarkCsv),
    scheduleMeeting: bind(scheduleMeeting),
    updateMeeting: bind(updateMeeting),
    respondToMeeting: bind(respondToMeeting),
    addMeetingAction: bind(addMeetingAction),
    updateMeetingAction: bind(updateMeetingAction),
    exportClubCalendar: bind(exportClubCalendar),
    notifyLearningReminders: () => notifyLearningReminders(deps),
  };
}

function standsServices(bind: Bind, deps: Deps) {
  return {
    createFair: bind(createFair),
    listFairs: bind(listFairs),
    createStand: bind(createStand),
    updateStand: bind(updateStand),
    getStand: bind(getStand),
    getStandCosts: bind(getStandCosts),
    requestStandSpace: bind(requestStandSpace),
    decideStandSpace: bind(decideStandSpace),
    releaseStandSpace: bind(releaseStandSpace),
    addStandTask: bind(addStandTask),
    updateStandTask: bind(updateStandTask),
    addStandLead: bind(addStandLead),
    inviteLeadBuyer: bind(inviteLeadBuyer),
    exportStandCalendar: bind(exportStandCalendar),
    /** For the sign-up page (no session): what an invitation link prefills, or null. */
    getLeadInvitation: (input: unknown) => getLeadInvitation(deps, input),
    notifyStandReminders: () => notifyStandReminders(deps),
  };
}

function calendarServices(bind: Bind) {
  return {
    getCalendarFeed: bind(getCalendarFeed),
    resetCalendarFeed: bind(resetCalendarFeed),
    userCalendar: bind(userCalendar),
  };
}

function notificationsServices(bind: Bind, deps: Deps) {
  return {
    list: bind(listNotifications),
    markRead: bind(markNotificationRead),
    countUnread: (userId: string) => countUnread(deps, userId),
  };
}
