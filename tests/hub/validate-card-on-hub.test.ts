import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HubApiError } from "@huggingface/hub";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { locateHubMessage, validateCardOnHub } from "../../src/hub/index.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { RUN_FIXTURE } from "./run-fixture.js";

const CARD_TEXT = readFileSync(join(RUN_FIXTURE, "README.md"), "utf8");
let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub();
});
afterAll(() => hub.close());
beforeEach(() => {
  hub.reset();
  hub.options.validateYaml = undefined;
});

describe("validateCardOnHub", () => {
  it("posts the whole card with its repo type and reads errors from a 400", async () => {
    hub.options.validateYaml = () => ({ errors: ["first", "second"] });
    const result = await validateCardOnHub({ content: CARD_TEXT, hubUrl: hub.url, accessToken: "hf_x" });
    expect(result).toEqual({ errors: ["first", "second"], warnings: [] });
    const request = hub.requests[0]!;
    expect(request.path).toBe("/api/validate-yaml");
    expect(request.headers.authorization).toBe("Bearer hf_x");
    expect(JSON.parse(request.body.toString("utf8"))).toEqual({ repoType: "model", content: CARD_TEXT });
  });

  it("reads warnings from a 200, and a single `error` from a 400 without a list", async () => {
    hub.options.validateYaml = () => ({ warnings: ["careful"] });
    expect(await validateCardOnHub({ content: CARD_TEXT, hubUrl: hub.url })).toEqual({
      errors: [],
      warnings: ["careful"],
    });
    hub.fail({ route: "validate-yaml", status: 400, body: { error: "Invalid YAML" } });
    expect(await validateCardOnHub({ content: CARD_TEXT, hubUrl: hub.url })).toEqual({
      errors: ["Invalid YAML"],
      warnings: [],
    });
  });

  it("throws a HubApiError for any other failure", async () => {
    hub.fail({ route: "validate-yaml", status: 403, body: { error: "Forbidden" } });
    const error = await validateCardOnHub({ content: CARD_TEXT, hubUrl: hub.url }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubApiError);
    expect(error).toMatchObject({ statusCode: 403, message: "Forbidden" });
  });
});

describe("locateHubMessage", () => {
  const card = ModelCard.parse(CARD_TEXT);

  it("finds the key a message names, down to list items", () => {
    expect(locateHubMessage(card, '"license" must be one of [...]')).toEqual({ line: 2, column: 1 });
    expect(locateHubMessage(card, '"model-index[0].results[0].dataset.config" must be a string')).toEqual({
      line: 16,
      column: 5,
    });
  });

  it("gives null for a message that names no key of the card", () => {
    expect(locateHubMessage(card, "Invalid YAML")).toBeNull();
    expect(locateHubMessage(card, '"widget" must be an array')).toBeNull();
  });
});
