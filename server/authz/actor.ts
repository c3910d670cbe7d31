import type { Role } from "../domain/roles";
import type { Locale } from "../domain/locale";
import type { FirmKind } from "../domain/chain-position";

/** Who is acting: the signed-in user with what authorisation needs to know about them. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale | null;
  /** The firm the user belongs to, when the membership is active. */
  firm: { id: string; kind: FirmKind; isOwner: boolean } | null;
  /** A request to join a firm that its owner has not decided yet. */
  pendingFirmId: string | null;
}
