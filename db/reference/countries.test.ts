import { describe, expect, it } from "vitest";
import { countryName, countryOptions } from "./countries";

describe("countries", () => {
  it("names a country in the reader's language, and answers an unknown code as it is", () => {
    expect(countryName("BR", "en")).toBe("Brazil");
    expect(countryName("DE", "pt-BR")).toBe("Alemanha");
    expect(countryName("DE", "es")).toBe("Alemania");
    expect(countryName("not a code", "en")).toBe("not a code");
  });

  it("lists every country sorted by its name, each caller with a list of its own", () => {
    const first = countryOptions("es");
    const names = first.map((o) => o.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("es").compare));
    expect(first.find((o) => o.code === "ES")?.name).toBe("España");
    first[0].name = "changed";
    first.pop();
    const again = countryOptions("es");
    expect(again).toHaveLength(names.length);
    expect(again[0].name).toBe(names[0]);
  });
});
