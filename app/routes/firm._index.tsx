import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { decideMemberSchema } from "../lib/schemas.server";
import { ErrorMessage } from "../components/error-message";
import { myFirmReader } from "../components/firm/my-firm.server";
import { DependenceSummary, FirmPeople } from "../components/firm/people";
import { FirmProfile } from "../components/firm/profile";
import { readPost, submit } from "../lib/form-action.server";
import { useLiveRoom } from "../lib/live";
import { firmNames } from "../lib/names.server";
import { loaded } from "../lib/route.server";
import { redirectWithToast } from "../lib/toast.server";

export async function loader(args: LoaderFunctionArgs) {
  const { actor, locale } = await myFirmReader(args);
  const { firms, ledger } = args.context.services;
  const mine = await loaded(firms.getMyFirm(actor));
  // The dependence panel's headline figures, on the firm's own page (the full panel is linked).
  const latest = mine.firm.kind === "sme" ? (await loaded(ledger.firmDependence(actor, { firmId: mine.firm.id }))).latest : null;
  const dependence = latest
    ? {
        period: latest.period,
        level: latest.level,
        topShareBp: latest.measure.topShareBp,
        topBuyer: latest.measure.topBuyer?.name ?? null,
        hhi: latest.measure.hhi,
        buyers: latest.measure.buyers,
      }
    : null;
  return { ...mine, names: firmNames(mine.firm, locale), dependence };
}

export async function action(args: ActionFunctionArgs) {
  const { actor, t } = await myFirmReader(args);
  return submit(await readPost(args.request, t), decideMemberSchema, async (input) => {
    const result = await args.context.services.firms.decideMemberRequest(actor, input);
    return redirectWithToast("/firm", result.decision === "approve" ? "memberApproved" : "memberDeclined");
  });
}

export default function MyFirm() {
  const { t } = useTranslation();
  const { firm, members, permissions, names, dependence } = useLoaderData<typeof loader>();
  useLiveRoom(`firm:${firm.id}`);
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{firm.name}</h1>
        {permissions.update ? (
          <Link to="/firm/edit" className="button">
            {t("firm.edit")}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t("firm.privateNote")}</p>
      {firm.kind === "sme" ? (
        <nav className="actions" aria-label={t("dependence.panel.title")}>
          <Link to={`/firms/${firm.id}/ledger`} className="button button-secondary">
            {t("dependence.links.ledger")}
          </Link>
          <Link to={`/firms/${firm.id}/dependence`} className="button button-secondary">
            {t("dependence.links.dependence")}
          </Link>
        </nav>
      ) : null}
      {dependence ? <DependenceSummary firmId={firm.id} dependence={dependence} /> : null}
      <FirmProfile firm={firm} {...names} />
      <FirmPeople members={members} mayDecide={permissions.decideMember} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorMessage />;
}
