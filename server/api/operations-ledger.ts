import { z } from "zod";
import { addSalesEntriesSchema, exchangeRateSchema, listSalesSchema, periodSchema, salesEntryIdSchema } from "../schemas/ledger";
import { networkIdSchema } from "../schemas/network";
import { withParams, type Operation } from "./operation";
import { idResponse } from "./responses-common";
import {
  addedSalesEntriesResponse,
  exchangeRateListResponse,
  exchangeRateResponse,
  firmDependenceResponse,
  importedSalesResponse,
  networkDependenceResponse,
  salesEntriesResponse,
} from "./responses-ledger";

const firmPath = z.object({ firmId: z.uuid("Not a firm id") });
/** The CSV file's text, as in the downloadable template (the page offers the template). */
const importCsvBodySchema = z.object({ csv: z.string().min(1, "The file is empty").max(2_000_000, "At most 2 MB") });

/**
 * Sales ledger, dependence and exchange rates: a firm's ledger and figures are seen by its own
 * members, its networks' brokers and admins; everyone else is told there is no such ledger (404).
 */
export const ledgerOperations = [
  {
    operationId: "addSalesEntries",
    method: "post",
    path: "/firms/{firmId}/sales",
    summary: "Add lines to an SME's sales ledger, all or nothing (errors per line as entries.<n>.<field>)",
    tag: "ledger",
    params: firmPath,
    body: addSalesEntriesSchema.omit({ firmId: true }),
    response: addedSalesEntriesResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.ledger.addEntries(actor, withParams(body, params)),
  },
  {
    operationId: "listSalesEntries",
    method: "get",
    path: "/firms/{firmId}/sales",
    summary: "An SME's sales ledger, newest period first, optionally one period",
    tag: "ledger",
    params: firmPath,
    query: listSalesSchema.omit({ firmId: true }),
    response: salesEntriesResponse,
    run: ({ services, actor, params, query }) => services.ledger.list(actor, { ...query, firmId: params.firmId }),
  },
  {
    operationId: "deleteSalesEntry",
    method: "delete",
    path: "/firms/{firmId}/sales/{entryId}",
    summary: "Remove one line of an SME's sales ledger",
    tag: "ledger",
    params: salesEntryIdSchema,
    response: idResponse,
    run: ({ services, actor, params }) => services.ledger.deleteEntry(actor, { firmId: params.firmId, entryId: params.entryId }),
  },
  {
    operationId: "importSalesCsv",
    method: "post",
    path: "/firms/{firmId}/sales/import",
    summary:
      "Import a CSV file (the template's columns) into an SME's sales ledger, all or nothing; errors per file line as rows.<line>.<field>",
    tag: "ledger",
    params: firmPath,
    body: importCsvBodySchema,
    response: importedSalesResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.ledger.importCsv(actor, withParams(body, params)),
  },
  {
    operationId: "getFirmDependence",
    method: "get",
    path: "/firms/{firmId}/dependence",
    summary: "An SME's dependence on its buyers per period: shares, HHI, level against its networks' thresholds, trend",
    tag: "ledger",
    params: firmPath,
    response: firmDependenceResponse,
    run: ({ services, actor, params }) => services.ledger.firmDependence(actor, { firmId: params.firmId }),
  },
  {
    operationId: "getNetworkDependence",
    method: "get",
    path: "/networks/{networkId}/dependence",
    summary:
      "A network's members sorted by dependence risk and its systemic buyers, for one period (the latest by default; the network's brokers)",
    tag: "ledger",
    params: networkIdSchema,
    query: z.object({ period: periodSchema.optional() }),
    response: networkDependenceResponse,
    run: ({ services, actor, params, query }) => services.ledger.networkDependence(actor, { ...query, networkId: params.networkId }),
  },
  {
    operationId: "setExchangeRate",
    method: "put",
    path: "/exchange-rates",
    summary: "Record an exchange rate, 1 currency = rate baseCurrency from validFrom on (administrators only)",
    tag: "ledger",
    body: exchangeRateSchema,
    response: exchangeRateResponse,
    run: ({ services, actor, body }) => services.ledger.setExchangeRate(actor, body),
  },
  {
    operationId: "listExchangeRates",
    method: "get",
    path: "/exchange-rates",
    summary: "The exchange rates figures are converted with (administrators, brokers and SMEs)",
    tag: "ledger",
    response: exchangeRateListResponse,
    run: ({ services, actor }) => services.ledger.listExchangeRates(actor),
  },
] as const satisfies readonly Operation[];
