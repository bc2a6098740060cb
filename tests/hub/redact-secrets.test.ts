import { describe, expect, it } from "vitest";
import { createSecretRedactor, redactValues } from "../../src/hub/index.js";

const TOKEN = "hf_abcdefghijklmnopqrstuvwxyz0123";

describe("createSecretRedactor", () => {
  it("removes the token in every form the Hub may echo it", () => {
    const redact = createSecretRedactor({ accessToken: TOKEN });
    expect(redact(`Authorization: Bearer ${TOKEN}`)).toBe("Authorization: Bearer hf_***");
    expect(redact(`bare ${TOKEN}, again ${TOKEN}`)).toBe("bare hf_***, again hf_***");
    expect(redact(`https://hub.example/x?token=${TOKEN}`)).toBe("https://hub.example/x?token=hf_***");
    expect(redact(`http://me:${TOKEN}@hub.example/`)).toBe("http://***@hub.example/");
    // Another token the Hub echoes, and a bearer credential that is not an hf_ token.
    expect(redact("hf_ZYXWVUTSRQPONMLKJIHGFEDCBA98 and Bearer abc.def")).toBe("hf_*** and Bearer hf_***");
    expect(redact("the token is read-only; create one with write access")).toBe(
      "the token is read-only; create one with write access",
    );
  });

  it("removes a token that does not start with hf_ only where it appears", () => {
    const redact = createSecretRedactor({ accessToken: "s3cr3t-token" });
    expect(redact("echo s3cr3t-token and s3cr3t-token")).toBe("echo hf_*** and hf_***");
  });

  it("removes the endpoint's credentials: userinfo, a key in its path or query, Basic-encoded", () => {
    const hubUrl = "https://proxyuser:pr0xyPassw0rd@proxy.example/k3yInThePath0123456789/hf?key=qu3ryKey";
    const redact = createSecretRedactor({ hubUrl });
    expect(redact(`checking the token with ${hubUrl}`)).toBe(
      "checking the token with https://***@proxy.example/***/hf?key=***",
    );
    expect(redact("echo pr0xyPassw0rd")).toBe("echo ***");
    const basic = Buffer.from("proxyuser:pr0xyPassw0rd").toString("base64");
    expect(redact(`Authorization: Basic ${basic}`)).toBe("Authorization: Basic ***");
    expect(redact("POST /k3yInThePath0123456789/api/validate-yaml")).toBe("POST /***/api/validate-yaml");
    // The user name alone is no secret: it may own the repository.
    expect(redact("proxyuser/model")).toBe("proxyuser/model");
  });

  it("redacts every string of a JSON value, keeping its shape", () => {
    const redact = createSecretRedactor({ accessToken: TOKEN });
    expect(redactValues({ a: [TOKEN, 1, null], b: { c: `x ${TOKEN}` }, d: true }, redact)).toEqual({
      a: ["hf_***", 1, null],
      b: { c: "x hf_***" },
      d: true,
    });
  });
});
