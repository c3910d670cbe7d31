import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "../../../i18n/format";
import { DependenceBlock, DiversificationOptions, formatBp, LevelBadge, MatchParts, ScoreBar } from "./match";
import type { NeedPageData } from "./need-page";

/** The ranked SMEs for a need (the buyer's, or a broker's members with their dependence). */
export function Matches({ page }: { page: NeedPageData }) {
  const { t, i18n } = useTranslation();
  const matches = page.matches!;
  const { need, viewer } = page;
  const forBroker = viewer.readsAllMatches;
  return (
    <section className="card stack" aria-labelledby="matches-heading">
      <h2 id="matches-heading">{forBroker ? t("sourcing.page.memberMatches") : t("sourcing.page.matches")}</h2>
      <p className="muted small">
        {forBroker ? t("sourcing.page.memberMatchesLead") : t("sourcing.page.matchesLead")}{" "}
        {t("sourcing.page.perMonth", { volume: formatNumber(i18n.language, matches.volumePerMonth), unit: matches.unit })}
      </p>
      {!matches.anyCanSupplyAlone && matches.items.length > 0 ? (
        <p className="notice card small">{forBroker ? t("sourcing.page.noneAlone") : t("sourcing.page.noneAloneBuyer")}</p>
      ) : null}
      {matches.items.length === 0 ? (
        <p className="muted">{t("sourcing.page.noMatches")}</p>
      ) : (
        <ol className="match-list" data-testid="matches">
          {matches.items.map((m, index) => (
            <li key={m.firmId} className="match-card" data-testid="match">
              <div className="match-head">
                <span className="match-rank" aria-label={t("sourcing.match.rank", { rank: index + 1 })}>
                  {index + 1}
                </span>
                <div className="match-who">
                  <h3>
                    <Link to={`/firms/${m.firmId}`}>{m.name}</Link>
                  </h3>
                  <p className="muted small">
                    {t(`links.${m.link}`)} · {t(`tiers.${m.tier}`)} ·{" "}
                    {[m.region, page.countryNames[m.country] ?? m.country].filter(Boolean).join(", ")}
                  </p>
                </div>
                <ScoreBar score={m.score} />
              </div>
              {m.needsConsortium ? <p className="tag tag-accent">{t("sourcing.match.partialCapacity")}</p> : null}
              {m.dependence ? (
                <p className="member-dependence small">
                  {t("sourcing.match.projectedShare")}{" "}
                  <strong>
                    {m.dependence.projectedTopShareBp === null ? "—" : formatBp(i18n.language, m.dependence.projectedTopShareBp)}
                  </strong>{" "}
                  {m.dependence.projectedLevel ? <LevelBadge level={m.dependence.projectedLevel} /> : null}
                </p>
              ) : null}
              <details className="why">
                <summary>{t("sourcing.match.why")}</summary>
                <MatchParts parts={m.parts} unit={need.unit} countryNames={page.countryNames} />
                {m.dependence ? (
                  <DependenceBlock dependence={m.dependence} buyerName={need.buyerName} subject="member" headingLevel={4} />
                ) : null}
                {m.options ? <DiversificationOptions options={m.options} headingLevel={4} /> : null}
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Consortia of 2 to 5 members for a need no single member can supply; a broker forms one in a click. */
export function Proposals({ page }: { page: NeedPageData }) {
  const { t, i18n } = useTranslation();
  const proposals = page.proposals!;
  const navigation = useNavigation();
  const canForm = page.viewer.formsConsortia;
  return (
    <section className="card stack" aria-labelledby="proposals-heading" data-testid="consortium-proposals">
      <h2 id="proposals-heading">{t("sourcing.consortium.title")}</h2>
      <p className="muted small">
        {t("sourcing.consortium.lead", { volume: formatNumber(i18n.language, proposals.volumePerMonth), unit: proposals.unit })}
      </p>
      {proposals.proposals.length === 0 ? (
        <p className="muted">{t("sourcing.consortium.none")}</p>
      ) : (
        <ol className="proposal-list">
          {proposals.proposals.map((p) => (
            <li key={`${p.networkId}-${p.firmIds.join("-")}`} className="proposal-card" data-testid="proposal">
              <div className="match-head">
                <div className="match-who">
                  <h3>{t("sourcing.consortium.members", { count: p.members.length, network: page.networkNames[p.networkId] ?? "" })}</h3>
                  <p className="muted small">
                    {t("sourcing.consortium.capacity", { capacity: formatNumber(i18n.language, p.combinedCapacity), unit: proposals.unit })}{" "}
                    · {t("sourcing.consortium.maxShare", { share: formatBp(i18n.language, p.maxProjectedTopShareBp) })}
                  </p>
                </div>
                <ScoreBar score={p.combinedScore} label={t("sourcing.consortium.combinedScore", { score: p.combinedScore })} />
              </div>
              <ul className="proposal-members">
                {p.members.map((m) => (
                  <li key={m.firmId}>
                    <Link to={`/firms/${m.firmId}`}>{m.name}</Link>{" "}
                    <span className="muted small">
                      {t("sourcing.consortium.memberCapacity", {
                        capacity: formatNumber(i18n.language, m.capacityPerMonth),
                        unit: proposals.unit,
                      })}
                    </span>
                  </li>
                ))}
              </ul>
              {canForm ? (
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="consortium" />
                  <input type="hidden" name="networkId" value={p.networkId} />
                  {p.firmIds.map((id) => (
                    <input key={id} type="hidden" name="firmIds" value={id} />
                  ))}
                  <button type="submit" className="button" disabled={navigation.state !== "idle"}>
                    {t("sourcing.consortium.create")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
