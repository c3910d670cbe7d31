import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, nulFields, parseInput } from "./errors";

describe("NUL characters in input", () => {
  it("names every field that holds one, nested ones by their path, in order", () => {
    expect(nulFields({ a: "x\u0000", b: [{ c: "ok" }, { c: "\u0000" }], d: 1, "e\u0000": "key" })).toEqual(["a", "b.1.c", "e\u0000"]);
    expect(nulFields("\u0000")).toEqual(["_"]);
    expect(nulFields({ a: "fine", b: null })).toEqual([]);
  });

  it("copes with input nested thousands deep (the fuzzer's 500 was a stack overflow here)", () => {
    const deep: unknown = JSON.parse("[".repeat(20_000) + '"\\u0000"' + "]".repeat(20_000));
    expect(nulFields(deep)).toHaveLength(1);
    expect(() => parseInput(z.object({ name: z.string() }), JSON.parse("[".repeat(20_000) + "]".repeat(20_000)))).toThrow(AppError);
  });

  it("refuses before the schema runs, with the field named and the key the forms translate", () => {
    try {
      parseInput(z.object({ name: z.string() }), { name: "a\u0000" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).fields).toEqual({ name: ["Must not contain a NUL character"] });
      expect((error as AppError).fieldKeys).toEqual({ name: "nul" });
    }
  });
});
