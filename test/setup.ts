import { afterEach, beforeEach, expect } from "vitest";

/**
 * console.error during a test is a failure (STYLE habit 12): an error that only gets logged
 * is a bug nobody sees.
 */
let errors: unknown[][] = [];
const original = console.error;

beforeEach(() => {
  errors = [];
  console.error = (...args: unknown[]) => {
    errors.push(args);
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  expect(errors, "console.error was called during the test").toEqual([]);
});
