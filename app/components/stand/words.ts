import type { TFunction } from "i18next";
import type { StandView } from "../../../server/services/stands/get-stand";
import type { WordField } from "../../lib/messages";
import { formatM2 } from "./plan";

/** The stand page's own words for a service's field error, with the stand's figures where they help. */
export function standWords(view: StandView, t: TFunction, locale: string): WordField {
  const m2 = (dm2: number) => t("stands.plan.m2", { value: formatM2(locale, dm2) });
  return (_field, key) => {
    switch (key) {
      case "below_min_area":
        return t("stands.errors.belowMinArea", { area: m2(view.stand.minAreaDm2) });
      case "above_stand_area":
        return t("stands.errors.aboveStandArea", { area: m2(view.stand.areaDm2) });
      case "no_room":
        return view.waitingCount > 0 ? t("stands.errors.noRoomQueue") : t("stands.errors.noRoom", { area: m2(view.stand.freeDm2) });
      case "trim_not_smaller":
        return t("stands.errors.trimNotSmaller");
      case "not_task_owner":
        return t("stands.errors.notTaskOwner");
      default:
        return null;
    }
  };
}
