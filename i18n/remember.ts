import type { i18n as I18n } from "i18next";

/**
 * i18next's `t` copies all of the instance's options into a new object on every call, which made
 * translating ~10–18% of a page's server CPU (a need page with its matches calls it thousands of
 * times). A language's instance never changes language or resources after init, so the text of a
 * key with the same plain options is always the same: each fixed `t` remembers what it answered.
 * Options holding objects or functions (and answers that are not strings) go to i18next each time.
 */
const MAX_REMEMBERED = 5_000;

type Translate = (...args: unknown[]) => unknown;

function plainOptions(options: unknown): options is Record<string, string | number | boolean | null | undefined> | undefined {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null || Array.isArray(options)) return false;
  return Object.values(options).every((value) => value === null || (typeof value !== "object" && typeof value !== "function"));
}

function remembering(fixedT: Translate, properties: object): Translate {
  const answers = new Map<string, string>();
  const remembered = (...args: unknown[]): unknown => {
    const [key, options] = args;
    const id = args.length <= 2 && typeof key === "string" && plainOptions(options) ? `${key}\u0000${JSON.stringify(options ?? {})}` : null;
    const known = id === null ? undefined : answers.get(id);
    if (known !== undefined) return known;
    const answer = fixedT(...args);
    if (id !== null && typeof answer === "string") {
      if (answers.size >= MAX_REMEMBERED) answers.clear();
      answers.set(id, answer);
    }
    return answer;
  };
  // The fixed t carries its language, namespace and key prefix as properties.
  return Object.assign(remembered, properties);
}

/** Makes `instance.getFixedT` hand out one remembering `t` per (language, namespace, key prefix). */
export function rememberTranslations(instance: I18n): void {
  const original = instance.getFixedT.bind(instance);
  const fixed = new Map<string, Translate>();
  const getFixedT = (...args: unknown[]): Translate => {
    const id = JSON.stringify(args);
    let t = fixed.get(id);
    if (t === undefined) {
      const fixedT: unknown = Reflect.apply(original, undefined, args);
      if (typeof fixedT !== "function") throw new Error("i18next's getFixedT answered no function");
      t = remembering((...targs) => Reflect.apply(fixedT, undefined, targs), fixedT);
      fixed.set(id, t);
    }
    return t;
  };
  Object.defineProperty(instance, "getFixedT", { value: getFixedT, configurable: true, writable: true });
}
