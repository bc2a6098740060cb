import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HUB_LICENSES } from "../../src/lint/hub-licenses.js";
import { SHARED } from "../support/shared.js";

const REFERENCE = `${SHARED}reference/hub-licenses.txt`;

describe("HUB_LICENSES", () => {
  it.runIf(existsSync(REFERENCE))("holds exactly the reference list, in its order", () => {
    const reference = readFileSync(REFERENCE, "utf8").split(/\r?\n/).filter(Boolean);
    expect([...HUB_LICENSES]).toEqual(reference);
  });

  it("has 83 unique ids ending with unknown and other", () => {
    expect(new Set(HUB_LICENSES).size).toBe(83);
    expect(HUB_LICENSES.slice(-2)).toEqual(["unknown", "other"]);
  });
});
