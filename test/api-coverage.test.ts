import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allOperations } from "../server/api/all-operations";
import { buildOpenApi } from "../server/api/openapi";

const testDir = fileURLToPath(new URL(".", import.meta.url));

/** The operation ids of the generated document, path by path and method by method. */
function documentedOperationIds(): string[] {
  const { paths } = buildOpenApi(allOperations);
  return Object.values(paths).flatMap((methods) => Object.values(methods).map((op) => (op as { operationId: string }).operationId));
}

describe("API test coverage", () => {
  it("holds some test's success body of every operation of the OpenAPI document against its schema", () => {
    const tests = readdirSync(testDir)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => readFileSync(`${testDir}/${name}`, "utf8"))
      .join("\n");
    const ids = documentedOperationIds();
    expect(ids.length).toBe(allOperations.length);
    // Whitespace-tolerant, so a call the formatter wraps still counts.
    const checked = new Set([...tests.matchAll(/expectDocumented\(\s*"([^"]+)"/g)].map((m) => m[1]));
    const unchecked = ids.filter((id) => !checked.has(id));
    expect(unchecked, "operations without an expectDocumented check in test/").toEqual([]);
  });
});
