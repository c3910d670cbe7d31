import { uniqueEmail, unique } from "./factories";
import { needInput } from "./sourcing-fixtures";
import { standInput } from "./stand-fixtures";
import type { Role, Side, World } from "./authz-world";

/**
 * A valid request for each /api/v1 operation against one network's resources, so that a refusal
 * is the permission's doing and not the input's. Path parameters come from the side's ids
 * (`pathIds`); the body and query from here. Allowed mutations are chosen to keep the world
 * usable for the operations after them (e.g. a transition to the state the resource is in).
 */
interface MatrixRequest {
  body?: unknown;
  query?: Record<string, string>;
  /** Path parameter -> id, over the default of the side's ids. */
  path?: Record<string, string>;
}

type Builder = (side: Side, world: World, role: Role) => MatrixRequest;

const profile = () => ({
  kind: "sme",
  name: unique("Calçados"),
  country: "BR",
  sector: "1520",
  link: "assembly",
  tier: 1,
  functions: ["production"],
});

export const REQUESTS: Record<string, Builder> = {
  updateMyFirm: () => ({ body: profile() }),
  decideFirmMember: () => ({ body: { decision: "approve" } }),
  searchFirms: () => ({ query: { q: "Firm" } }),
  createUser: () => ({ body: { name: "New Broker", email: uniqueEmail("created"), password: "correct-horse-battery", role: "broker" } }),
  setMyLocale: () => ({ body: { locale: "en" } }),
  createNetwork: () => ({ body: { name: unique("Nova rede"), sector: "1520", region: "RS", currency: "BRL" } }),
  updateNetwork: () => ({ body: { name: unique("Rede"), sector: "1520", region: "Vale dos Sinos, RS", currency: "BRL" } }),
  inviteToNetwork: () => ({ body: { email: uniqueEmail("invitee") } }),
  acceptInvitation: () => ({ body: { consent: true } }),
  applyToNetwork: () => ({ body: { consent: true } }),
  decideApplication: (side) => ({ path: { firmId: side.ids.applicantFirmId }, body: { decision: "approve" } }),
  // An account that is no broker: allowed callers get a 400 after the permission check, nothing written.
  addNetworkBroker: (_side, world) => ({ body: { email: world.admin.email } }),
  acceptInvitationLink: () => ({ body: { consent: true } }),
  createInitiative: (side) => ({
    body: { networkId: side.networkId, objective: "process_improvement", title: unique("Lean"), deadline: "2027-02-28" },
  }),
  updateInitiative: () => ({ body: { title: unique("Joint leather"), deadline: "2026-12-31" } }),
  // The initiative is open already: an allowed caller gets 409, nothing changes.
  transitionInitiative: () => ({ body: { to: "open" } }),
  setJointBuyCommitment: () => ({ body: { quantity: 120 } }),
  postInitiativeMessage: () => ({ body: { body: "When is the order placed?" } }),
  setInitiativeBudget: () => ({ body: { budget: { amount: "5000.00", currency: "BRL" }, splitRule: "equal" } }),
  addSalesEntries: () => ({
    body: { entries: [{ period: "2026", customerName: "Another Retail", amount: "5000.00", currency: "BRL", market: "domestic" }] },
  }),
  // Each caller allowed to delete has an entry of its own, so the order of the callers does not matter.
  deleteSalesEntry: (side, _world, role) => ({
    path: { entryId: role === "admin" ? side.ids.adminEntryId : role.endsWith("roker") ? side.ids.brokerEntryId : side.ids.entryId },
  }),
  listSalesEntries: () => ({ query: { period: "2026" } }),
  importSalesCsv: () => ({ body: { csv: "period,customer,amount,currency,market\n2025,Old Retail,1000.00,BRL,export\n" } }),
  getFirmDependence: () => ({ query: { period: "2026" } }),
  getNetworkDependence: () => ({ query: { period: "2026" } }),
  setExchangeRate: () => ({ body: { currency: "EUR", baseCurrency: "BRL", rate: "6.1", validFrom: "2026-01-01" } }),
  createSourcingNeed: () => ({ body: needInput() }),
  updateSourcingNeed: (side) => ({ body: needInput({ visibility: "networks", networkIds: [side.networkId] }) }),
  transitionSourcingNeed: () => ({ body: { to: "open" } }),
  createConsortiumInitiative: (side) => ({ body: { networkId: side.networkId, firmIds: [side.ids.firmId, side.spareSme.firmId] } }),
  respondToNeed: () => ({ body: { unitPrice: "9.40", quantity: 2000, leadTimeDays: 20 } }),
  decideResponse: () => ({ body: { decision: "shortlist" } }),
  createFair: () => ({
    body: { name: unique("Fimec"), city: "Novo Hamburgo", country: "BR", startsOn: "2027-03-16", endsOn: "2027-03-18" },
  }),
  createStand: (side) => ({ body: standInput(side.networkId, side.ids.fairId) }),
  updateStand: (side) => {
    const { networkId: _n, ...input } = standInput(side.networkId, side.ids.fairId);
    return { body: input };
  },
  requestStandSpace: () => ({ body: { areaM2: "6" } }),
  decideStandSpace: () => ({ body: { decision: "confirm" } }),
  addStandTask: () => ({ body: { title: "Print the catalogue", dueOn: "2027-02-01" } }),
  updateStandTask: () => ({ body: { status: "in_progress" } }),
  addStandLead: () => ({ body: { buyerName: "Zapatos Sol", country: "ES", buyerType: "importer" } }),
  createKpi: () => ({ body: { name: unique("Energy per pair"), unit: "kWh", direction: "lower", minValue: 0, maxValue: 100 } }),
  createBenchmarkClub: (side) => ({
    body: { title: unique("Club"), deadline: "2027-06-30", periodKind: "quarter", kpiIds: [side.ids.kpiId] },
  }),
  openBenchmarkPeriod: () => ({ body: { label: "2026-Q4" } }),
  submitKpiValues: (side) => ({ body: { values: { [side.ids.kpiId]: 12 } } }),
  importKpiCsv: (side) => ({ body: { csv: `firm_id,kpi,value\n${side.ids.firmId},${side.ids.kpiId},14\n` } }),
  setKpiReference: (side) => ({ body: { kpiId: side.ids.kpiId, value: 10, source: "Industry survey 2026" } }),
  getBenchmarkReport: (side) => ({ query: { periodId: side.ids.periodId } }),
  scheduleMeeting: () => ({
    body: { title: "Second visit", startsAt: "2027-03-10T09:00", endsAt: "2027-03-10T11:00", place: "Campo Bom" },
  }),
  updateMeeting: () => ({ body: { agenda: "Scrap audit results" } }),
  respondToMeeting: () => ({ body: { response: "yes" } }),
  addMeetingAction: () => ({ body: { description: "Compare glue suppliers" } }),
  updateMeetingAction: () => ({ body: { status: "done" } }),
};
