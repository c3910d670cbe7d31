/** bench:matching's synthetic data: the fixed scene, then SMEs grown with bulk SQL. */
import { sql } from "drizzle-orm";
import { selectRows, type Db } from "../../db/client";
import { firm, firmMember } from "../../db/schema/firms";
import { initiative } from "../../db/schema/initiatives";
import { exchangeRate } from "../../db/schema/ledger";
import { network, networkBroker } from "../../db/schema/networks";
import { sourcingNeed } from "../../db/schema/sourcing";
import { FUNCTIONS, LINKS, UPGRADING_GOALS } from "../../server/domain/chain-position";
import { insertAccount } from "../../server/services/accounts/insert-account";
import { ADMIN, NETWORKS, PASSWORD, runId, type Role } from "./matching-settings";

/** A deterministic pseudo-random integer in 0..mod-1 per series row `g` and salt (SQL). */
const h = (salt: string, mod: number, row = "g") => sql.raw(`(abs(hashtext(${row}::text || '${salt}')::bigint) % ${mod})`);
const smeId = (row = "g") => sql.raw(`md5('bench-sme-' || ${row})::uuid::text`);
const networkIdOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const textArray = (items: readonly string[]) => sql.raw(`array[${items.map((i) => `'${i}'`).join(",")}]::text[]`);

export interface Scene {
  needId: string;
  buyerFirmId: string;
  users: Record<Role, { userId: string; email: string; password: string }>;
}

/** Fixed actors: buyer firm and user, an admin (from the env), a broker of network 1, five networks, other open needs, fairs. */
export async function seedFixed(db: Db): Promise<Scene> {
  const people = await seedBuyersAndBroker(db);
  await seedNetworks(db, people.brokerUserId);
  const needId = await seedNeeds(db, people);
  return {
    needId,
    buyerFirmId: people.buyerFirmId,
    users: {
      admin: { userId: "", email: ADMIN.email, password: ADMIN.password },
      buyer: { userId: people.buyerUserId, email: people.buyerEmail, password: PASSWORD },
      broker: { userId: people.brokerUserId, email: people.brokerEmail, password: PASSWORD },
    },
  };
}

type People = Awaited<ReturnType<typeof seedBuyersAndBroker>>;

/** Two buyer firms, the bench buyer's user (owner of the first) and a broker. */
async function seedBuyersAndBroker(db: Db) {
  const buyerFirmId = crypto.randomUUID();
  const otherBuyerId = crypto.randomUUID();
  await db.insert(firm).values([
    { id: buyerFirmId, kind: "buyer", name: "Bench Schuh Einkauf GmbH", country: "DE", sector: "1520", buyerType: "global_retailer" },
    { id: otherBuyerId, kind: "buyer", name: "Bench US Retail Inc.", country: "US", sector: "1520", buyerType: "global_retailer" },
  ]);
  const buyerEmail = `bench-buyer-${runId}@bench.example`;
  const brokerEmail = `bench-broker-${runId}@bench.example`;
  const { buyerUserId, brokerUserId } = await db.transaction(async (tx) => {
    const buyer = await insertAccount(tx, { name: "Bench Buyer", email: buyerEmail, password: PASSWORD, role: "buyer" });
    const broker = await insertAccount(tx, { name: "Bench Broker", email: brokerEmail, password: PASSWORD, role: "broker" });
    return { buyerUserId: buyer.id, brokerUserId: broker.id };
  });
  await db.insert(firmMember).values({ firmId: buyerFirmId, userId: buyerUserId, status: "active", isOwner: true });
  return { buyerFirmId, otherBuyerId, buyerUserId, brokerUserId, buyerEmail, brokerEmail };
}

/** Five networks (the broker's is number 1), exchange rates, and open fairs and a purchase. */
async function seedNetworks(db: Db, brokerUserId: string): Promise<void> {
  await db.insert(network).values(
    Array.from({ length: NETWORKS }, (_, i) => ({
      id: networkIdOf(i + 1),
      name: `Bench network ${i + 1}`,
      sector: "1520",
      currency: "BRL",
      // Network 3 is stricter, so thresholds differ between SMEs.
      ...(i === 2 ? { notableShareBp: 800, warningShareBp: 2000, criticalShareBp: 4000 } : {}),
    })),
  );
  await db.insert(networkBroker).values({ networkId: networkIdOf(1), userId: brokerUserId });
  await db.insert(exchangeRate).values([
    { currency: "USD", baseCurrency: "BRL", rate: "5.0000000000", validFrom: "2020-01-01" },
    { currency: "USD", baseCurrency: "BRL", rate: "5.4321000000", validFrom: "2026-01-01" },
    { currency: "BRL", baseCurrency: "EUR", rate: "0.1700000000", validFrom: "2024-01-01" },
  ]);
  const deadline = new Date(Date.now() + 60 * 86_400_000);
  await db.insert(initiative).values([
    { networkId: networkIdOf(1), objective: "joint_selling", title: "Bench stand at GDS Düsseldorf", deadline, status: "open" },
    { networkId: networkIdOf(2), objective: "joint_selling", title: "Bench stand at Francal", deadline, status: "open" },
    { networkId: networkIdOf(2), objective: "joint_buying", title: "Bench leather purchase", deadline, status: "open" },
  ]);
}

/** The benchmarked need, and other buyers' open needs (the diversification options of each match). */
async function seedNeeds(db: Db, { buyerFirmId, otherBuyerId, buyerUserId }: People): Promise<string> {
  const base = {
    product: "Women's leather sandals",
    sector: "1520",
    link: "assembly" as const,
    functions: ["production", "quality_control"] as Array<(typeof FUNCTIONS)[number]>,
    tier: 1,
    volume: 30_000,
    volumePeriod: "month" as const,
    unit: "pairs",
    targetUnitPriceMinor: 1000,
    currency: "BRL",
    certifications: [
      { code: "iso_9001", mustHave: true },
      { code: "iso_14001", mustHave: false },
    ],
    deliveryCountry: "DE",
    closingDate: "2027-03-31",
    specifies: "what" as const,
    supportOffered: ["training"],
    status: "open" as const,
    createdBy: buyerUserId,
  };
  const [need] = await db
    .insert(sourcingNeed)
    .values({ ...base, buyerFirmId })
    .returning({ id: sourcingNeed.id });
  await db.insert(sourcingNeed).values([
    {
      ...base,
      buyerFirmId: otherBuyerId,
      product: "Men's boots",
      volume: 5_000,
      currency: "USD",
      targetUnitPriceMinor: 2500,
      deliveryCountry: "US",
    },
    {
      ...base,
      buyerFirmId: otherBuyerId,
      product: "Soles",
      link: "components",
      tier: 2,
      volume: 60_000,
      volumePeriod: "quarter",
      certifications: [],
    },
    {
      ...base,
      buyerFirmId: otherBuyerId,
      product: "Belts",
      visibility: "networks",
      networkIds: [networkIdOf(2)],
      functions: ["design"],
      exclusivity: true,
    },
  ]);
  return need.id;
}

/**
 * SMEs number `from`..`to`: chain position, functions, goals; 0-3 certifications with expiry
 * dates; capacity in pairs for about 80% (some with two lines, some also in m2); a 2025 and 2026
 * ledger for 20% (some sales in USD, a few in EUR without a rate, a third with the bench buyer
 * as the largest customer); active membership of one or two of the five networks for 70%.
 */
export async function growSmes(db: Db, from: number, to: number, buyerFirmId: string): Promise<void> {
  const range = sql`generate_series(${from}::int, ${to}::int) g`;
  await db.execute(sql`
    insert into firm (id, kind, name, country, region, sector, employees, turnover_minor, turnover_currency, link, tier, functions, role_ladder, upgrading_goals)
    select ${smeId()}, 'sme', 'Bench SME ' || g,
      (${textArray(["BR", "BR", "BR", "BR", "BR", "AR", "MX", "DE", "IT", "PT"])})[1 + ${h("country", 10)}],
      'Region ' || ${h("region", 20)}, '1520', 5 + ${h("employees", 245)},
      case when ${h("turnover", 5)} = 0 then (100000 + ${h("turnover-amount", 900000)}) * 100 end,
      case when ${h("turnover", 5)} = 0 then 'BRL' end,
      case when ${h("link", 100)} = 0 then null when ${h("link", 100)} < 45 then 'assembly' else (${textArray(LINKS)})[1 + ${h("link-other", LINKS.length)}] end,
      1 + ${h("tier", 4)},
      array(select f from unnest(${textArray(FUNCTIONS)}) f where abs(hashtext(g::text || f)::bigint) % 100 < 45),
      (${textArray(["oea", "oem", "odm", "obm"])})[1 + ${h("ladder", 4)}],
      array(select x from unnest(${textArray(UPGRADING_GOALS)}) x where abs(hashtext(g::text || x || 'goal')::bigint) % 100 < 30)
    from ${range}`);
  await db.execute(sql`
    insert into firm_certification (id, firm_id, code, expires_on)
    select md5('bench-cert-' || g || c)::uuid::text, ${smeId()}, c,
      case when abs(hashtext(g::text || c || 'never')::bigint) % 10 = 0 then null
           else date '2025-06-01' + (abs(hashtext(g::text || c || 'expiry')::bigint) % 1600)::int end
    from ${range}, unnest(${textArray(["iso_9001", "iso_14001", "lwg"])}) c
    where abs(hashtext(g::text || c || 'held')::bigint) % 100 < (case c when 'iso_9001' then 60 when 'iso_14001' then 30 else 25 end)`);
  await db.execute(sql`
    insert into firm_capacity (id, firm_id, product, units_per_month, unit, lead_time_days)
    select md5('bench-capacity-' || g || '-' || k)::uuid::text, ${smeId()}, case when k = 3 then 'Leather' else 'Sandals' end,
      500 + abs(hashtext(g::text || 'units' || k)::bigint) % 59500, case when k = 3 then 'm2' when k = 2 then ' Pairs' else 'pairs' end, 30
    from ${range}, generate_series(1, 3) k
    where abs(hashtext(g::text || 'capacity' || k)::bigint) % 100 < (case k when 1 then 80 when 2 then 15 else 10 end)`);
  await db.execute(sql`
    insert into sales_entry (id, firm_id, period, customer_firm_id, customer_name, amount_minor, currency, market, channel, agent_name)
    select md5('bench-sale-' || g || '-' || p || '-' || k)::uuid::text, ${smeId()}, p,
      case when k = 1 and ${h("buyer-customer", 3)} = 0 then ${buyerFirmId} end,
      case when k = 1 and ${h("buyer-customer", 3)} = 0 then 'Bench Schuh Einkauf GmbH' else 'Customer ' || (abs(hashtext(g::text || 'customer' || k)::bigint) % 40) end,
      (1000 + abs(hashtext(g::text || p || 'amount' || k)::bigint) % 400000) * 100 * (case when k = 1 then 4 else 1 end),
      case when k = 2 and ${h("usd", 10)} = 0 then 'USD' when k = 3 and ${h("eur", 50)} = 0 then 'EUR' else 'BRL' end,
      case when k = 1 then 'export' else 'domestic' end,
      case when k = 4 and ${h("agent", 4)} = 0 then 'agent' else 'direct' end,
      case when k = 4 and ${h("agent", 4)} = 0 then 'Agent ' || ${h("agent-name", 5)} end
    from ${range}, unnest(array['2025', '2026']) p, generate_series(1, 5) k
    where ${h("ledger", 100)} < 20 and k <= 2 + ${h("customers", 4)}`);
  await db.execute(sql`
    insert into network_member (id, network_id, firm_id, status, consented_at)
    select md5('bench-member-' || g || '-' || k)::uuid::text,
      '00000000-0000-4000-8000-' || lpad((1 + abs(hashtext(g::text || 'network' || k)::bigint) % ${sql.raw(String(NETWORKS))})::text, 12, '0'),
      ${smeId()}, 'active', now()
    from ${range}, generate_series(1, 2) k
    where abs(hashtext(g::text || 'member' || k)::bigint) % 100 < (case k when 1 then 70 else 20 end)
    on conflict do nothing`);
}

export async function counts(db: Db) {
  const [row] = await selectRows<Record<string, number>>(
    db,
    sql`
    select (select count(*)::int from firm where kind = 'sme') as smes,
           (select count(*)::int from firm_certification) as certifications,
           (select count(*)::int from firm_capacity) as capacities,
           (select count(*)::int from sales_entry) as sales,
           (select count(*)::int from network_member) as memberships`,
  );
  return row;
}
