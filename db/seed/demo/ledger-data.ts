import {
  ADRIATICA,
  AMAZONIA,
  ANDES,
  AURORA,
  BEM_CALCAR,
  BIRIGUI,
  BOLSAS,
  CASA_MINEIRA,
  ESTOFADOS,
  FRANCA,
  INVERNO_GAUCHO,
  MORRO_REUTER,
  NOVA_HARTZ,
  PACIFICO,
  PEQUENO_PASSO,
  PLANALTO,
  RIOPLATENSE,
  ROTA_NORDESTE,
  SELARIA,
  SERRA_GAUCHA,
  SOLA_VIVA,
  TRILHA_SUL,
  VITRINE_CARIOCA,
  abroad,
  domestic,
  toHarbourHide,
  toMember,
  toSchuhring,
  toStridewell,
  toVellacorte,
  type LedgerSeed,
} from "./ledger-lines";

/** Each ledger member's sales lines, 2024 to 2026 (the story is told in ledger-lines.ts). */
export const DEMO_LEDGERS: readonly LedgerSeed[] = [
  // --- Critical: over 80% to Stridewell in 2026, rising ----------------------------------------
  {
    firmKey: "calcados-ferraresi", // 62% -> 74% -> 83%
    lines: [
      toStridewell([6_680, 8_090, 10_150], "2025"),
      toSchuhring([1_110, 730, 450], "ponte-atlantica"),
      toHarbourHide([830, 620, 480], "sinos-export"),
      domestic(SOLA_VIVA, [6_000, 4_300, 3_200]),
      domestic(BEM_CALCAR, [5_000, 3_500, 2_400]),
    ],
  },
  {
    firmKey: "calcados-bella-sinos", // 54% -> 66% -> 81%
    lines: [
      toStridewell([4_200, 5_250, 7_600]),
      toSchuhring([1_200, 900, 520]),
      toHarbourHide([700, 520, 330], "sinos-export"),
      domestic(ROTA_NORDESTE, [5_200, 4_000, 2_500]),
      domestic(CASA_MINEIRA, [3_500, 2_800, 1_800]),
    ],
  },
  {
    firmKey: "calcados-igrejinha-boots", // 65% -> 72% -> 84%
    lines: [
      toStridewell([4_540, 5_350, 7_200], "2026"),
      toSchuhring([950, 780, 500], "ponte-atlantica"),
      abroad(ANDES, "USD", [450, 360, 240]),
      domestic(INVERNO_GAUCHO, [3_600, 3_000, 1_900]),
      domestic(TRILHA_SUL, [1_900, 1_500, 900]),
    ],
  },
  // --- Warning: 25% to 50% to one customer ------------------------------------------------------
  {
    firmKey: "calcados-schmitt", // Stridewell 29% -> 38% -> 49%
    lines: [
      toStridewell([1_850, 2_450, 3_500]),
      toSchuhring([1_400, 1_250, 1_050]),
      domestic(SOLA_VIVA, [7_500, 6_800, 6_000]),
      domestic(VITRINE_CARIOCA, [5_400, 5_000, 4_600]),
      abroad(RIOPLATENSE, "USD", [560, 520, 480]),
    ],
  },
  {
    firmKey: "calcados-parobe-kids", // a children's chain at 29% in 2024, then Stridewell's kids' line: 34% -> 41%
    lines: [
      toStridewell([900, 1_200, 1_700]),
      domestic(PEQUENO_PASSO, [5_000, 5_100, 5_300]),
      domestic(ROTA_NORDESTE, [3_800, 3_900, 4_000]),
      domestic(CASA_MINEIRA, [2_600, 2_700, 2_800]),
      abroad(ANDES, "USD", [220, 240, 260], "sinos-export"),
    ],
  },
  {
    firmKey: "calcados-sapiranga-modas", // assembles for Ferraresi: 39% -> 43% -> 49%
    lines: [
      toMember("calcados-ferraresi", [5_400, 6_200, 7_100], "network"),
      toMember("calcados-bella-sinos", [4_000, 4_200, 4_100], "network"),
      domestic(MORRO_REUTER, [3_200, 2_900, 2_500]),
      domestic(SERRA_GAUCHA, [1_200, 1_000, 900]),
    ],
  },
  {
    firmKey: "atelier-rosa-dos-ventos", // stitches uppers for Bella Sinos: 42% -> 43% -> 46%
    lines: [
      toMember("calcados-bella-sinos", [1_100, 1_200, 1_320], "network"),
      toMember("calcados-ferraresi", [800, 850, 870], "network"),
      toMember("calcados-sapiranga-modas", [700, 720, 700]),
    ],
  },
  {
    firmKey: "curtume-irmaos-kessler", // sole leather for Schmitt's welted shoes: about 30%
    lines: [
      toMember("calcados-schmitt", [2_900, 3_000, 3_200], "network"),
      domestic(FRANCA, [2_200, 2_300, 2_400]),
      domestic(SELARIA, [1_900, 2_000, 2_100]),
      domestic(SERRA_GAUCHA, [1_500, 1_600, 1_700]),
      abroad(RIOPLATENSE, "USD", [240, 250, 260]),
    ],
  },
  {
    firmKey: "sinos-export", // Stridewell's buying agent in the valley: commissions, about 47%
    lines: [
      toStridewell([1_100, 1_200, 1_300]),
      toHarbourHide([420, 430, 450]),
      toSchuhring([300, 310, 320]),
      abroad(RIOPLATENSE, "USD", [280, 300, 320]),
      abroad(ANDES, "USD", [240, 260, 280]),
    ],
  },
  {
    firmKey: "ponte-atlantica", // commissions, mostly from the German buying group: about 43%
    lines: [
      toSchuhring([340, 350, 360]),
      toHarbourHide([210, 220, 230]),
      abroad(ADRIATICA, "EUR", [150, 160, 170]),
      abroad(PACIFICO, "USD", [110, 120, 130]),
    ],
  },
  {
    firmKey: "estudio-forma-passo", // collections for Passo Firme: about 27%
    lines: [
      toMember("passo-firme", [700, 760, 800], "network"),
      toMember("calcados-estrela-do-vale", [600, 650, 700]),
      toMember("atelier-tres-coroas", [500, 560, 600]),
      toMember("calcados-bella-sinos", [300, 350, 400]),
      domestic(MORRO_REUTER, [400, 420, 450]),
    ],
  },
  // --- Diversified: no customer above 25% --------------------------------------------------------
  {
    firmKey: "passo-firme", // own brand in Brazilian stores and online; a little abroad
    lines: [
      domestic("Passo Firme online store (consumers)", [2_400, 2_800, 3_200]),
      domestic(SOLA_VIVA, [2_700, 2_900, 3_200]),
      domestic(BEM_CALCAR, [2_700, 2_900, 3_100]),
      domestic(ROTA_NORDESTE, [2_700, 2_900, 3_100]),
      domestic(VITRINE_CARIOCA, [2_500, 2_700, 2_900]),
      domestic(CASA_MINEIRA, [2_400, 2_500, 2_700]),
      domestic(PLANALTO, [2_200, 2_400, 2_600]),
      domestic(AMAZONIA, [2_000, 2_200, 2_500]),
      domestic(TRILHA_SUL, [1_900, 2_100, 2_300]),
      domestic(AURORA, [1_800, 2_000, 2_200]),
      domestic(INVERNO_GAUCHO, [1_700, 1_900, 2_100]),
      toHarbourHide([280, 300, 330], "sinos-export"),
      toSchuhring([200, 220, 240]),
    ],
  },
  {
    firmKey: "atelier-tres-coroas", // its own collections, sold to importers under their labels
    lines: [
      toHarbourHide([620, 660, 720]),
      toSchuhring([480, 520, 560], "ponte-atlantica"),
      abroad(ANDES, "USD", [380, 400, 410]),
      abroad(RIOPLATENSE, "USD", [300, 330, 350]),
      domestic(BEM_CALCAR, [3_100, 3_300, 3_500]),
      domestic(TRILHA_SUL, [2_300, 2_500, 2_700]),
      domestic(AURORA, [1_500, 1_600, 1_700]),
    ],
  },
  {
    firmKey: "calcados-estrela-do-vale", // the Italian fashion house grows, Stridewell stays small
    lines: [
      toVellacorte([640, 720, 780]),
      toStridewell([520, 600, 700]),
      toSchuhring([420, 460, 500]),
      domestic(SOLA_VIVA, [3_600, 3_700, 3_800]),
      domestic(VITRINE_CARIOCA, [2_800, 2_900, 3_000]),
      domestic(PLANALTO, [2_000, 2_100, 2_200]),
    ],
  },
  {
    firmKey: "solados-pampa",
    lines: [
      toMember("calcados-ferraresi", [6_500, 6_800, 7_200]),
      toMember("calcados-bella-sinos", [5_400, 5_700, 6_000]),
      toMember("passo-firme", [4_200, 4_400, 4_600], "network"),
      toMember("calcados-parobe-kids", [3_600, 3_800, 4_000]),
      toMember("calcados-igrejinha-boots", [3_000, 3_200, 3_400]),
      domestic(MORRO_REUTER, [4_500, 4_300, 4_100]),
      domestic(SERRA_GAUCHA, [4_000, 4_200, 4_400]),
      domestic(BIRIGUI, [3_300, 3_500, 3_700]),
      abroad(ANDES, "USD", [500, 520, 540]),
    ],
  },
  {
    firmKey: "saltos-kunz",
    lines: [
      toMember("calcados-bella-sinos", [3_000, 3_200, 3_500]),
      toMember("calcados-ferraresi", [2_500, 2_700, 2_900]),
      toMember("calcados-igrejinha-boots", [2_200, 2_300, 2_400]),
      domestic(MORRO_REUTER, [2_000, 1_900, 1_800]),
      domestic(SERRA_GAUCHA, [1_800, 1_900, 2_000]),
      domestic(NOVA_HARTZ, [1_200, 1_300, 1_400]),
      abroad(RIOPLATENSE, "USD", [260, 270, 280]),
    ],
  },
  {
    firmKey: "palmilhas-confort-sul",
    lines: [
      toMember("calcados-parobe-kids", [1_300, 1_350, 1_400]),
      toMember("calcados-ferraresi", [1_200, 1_250, 1_300]),
      toMember("passo-firme", [1_100, 1_150, 1_200]),
      toMember("calcados-bella-sinos", [1_000, 1_050, 1_100]),
      toMember("calcados-schmitt", [900, 950, 1_000]),
      domestic(MORRO_REUTER, [1_200, 1_150, 1_100]),
      domestic(BIRIGUI, [1_500, 1_550, 1_600]),
      domestic(FRANCA, [800, 850, 900]),
    ],
  },
  {
    firmKey: "sinoscola-adesivos",
    lines: [
      toMember("calcados-ferraresi", [2_500, 2_600, 2_700]),
      toMember("calcados-bella-sinos", [2_100, 2_200, 2_300]),
      toMember("calcados-schmitt", [1_900, 2_000, 2_100]),
      toMember("passo-firme", [1_800, 1_900, 2_000]),
      toMember("solados-pampa", [1_700, 1_800, 1_900]),
      domestic(ESTOFADOS, [3_500, 3_600, 3_800]),
      domestic(MORRO_REUTER, [2_600, 2_700, 2_800]),
      domestic(FRANCA, [2_200, 2_300, 2_400]),
      abroad(RIOPLATENSE, "USD", [380, 400, 420]),
    ],
  },
  {
    firmKey: "fivelas-hamburguense",
    lines: [
      toVellacorte([220, 250, 290]), // trims the fashion house specifies for its own suppliers
      toMember("calcados-bella-sinos", [1_600, 1_700, 1_800]),
      toMember("passo-firme", [1_500, 1_600, 1_700]),
      toMember("calcados-ferraresi", [1_300, 1_400, 1_500]),
      toMember("calcados-estrela-do-vale", [1_100, 1_200, 1_300]),
      domestic(BOLSAS, [2_000, 2_100, 2_200]),
      domestic(SERRA_GAUCHA, [1_400, 1_450, 1_500]),
    ],
  },
  {
    firmKey: "forros-sapiranga",
    lines: [
      toMember("passo-firme", [1_100, 1_150, 1_200]),
      toMember("calcados-parobe-kids", [1_000, 1_050, 1_100]),
      toMember("calcados-estrela-do-vale", [900, 950, 1_000]),
      toMember("atelier-tres-coroas", [800, 850, 900]),
      domestic(BOLSAS, [1_600, 1_650, 1_700]),
      domestic(BIRIGUI, [1_200, 1_250, 1_300]),
      domestic(SERRA_GAUCHA, [700, 750, 800]),
    ],
  },
  {
    firmKey: "modelagem-sinos",
    lines: [
      toMember("calcados-estrela-do-vale", [300, 320, 340]),
      toMember("atelier-tres-coroas", [280, 300, 320]),
      toMember("calcados-parobe-kids", [260, 280, 300]),
      domestic(MORRO_REUTER, [250, 260, 270]),
      domestic(NOVA_HARTZ, [220, 240, 260]),
    ],
  },
];
