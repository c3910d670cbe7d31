import type { getNeed } from "../../../server/services/sourcing/get-need";
import type { listConsortiumProposals } from "../../../server/services/sourcing/list-consortium-proposals";
import type { listMyMatchingNeeds } from "../../../server/services/sourcing/list-my-matching-needs";
import type { listNeedMatches } from "../../../server/services/sourcing/list-need-matches";

type NeedView = Awaited<ReturnType<typeof getNeed>>;

/** What the need page (needs.$needId) loads, and its sections read. */
export interface NeedPageData {
  viewer: {
    role: string;
    firmId: string | null;
    /** A member of the buyer's firm (need.manage). */
    owner: boolean;
    /** Answers needs for its own firm (an SME): its fit and its response. */
    answersForFirm: boolean;
    /** Reads every need's matches (brokers, administrators): member matches and consortium proposals. */
    readsAllMatches: boolean;
    /** Forms consortia in its networks (a broker). */
    formsConsortia: boolean;
    /** Shortlists, declines and awards responses (the buyer's firm). */
    canDecide: boolean;
  };
  need: NeedView["need"];
  sectorName: string;
  transitions: NeedView["transitions"];
  responses: NeedView["responses"];
  matches: Awaited<ReturnType<typeof listNeedMatches>> | null;
  fit: Awaited<ReturnType<typeof listMyMatchingNeeds>>["items"][number] | null;
  proposals: Awaited<ReturnType<typeof listConsortiumProposals>> | null;
  consortia: Array<{ initiativeId: string; title: string; networkName: string; members: string[] }>;
  networkNames: Record<string, string>;
  countryNames: Record<string, string>;
}
