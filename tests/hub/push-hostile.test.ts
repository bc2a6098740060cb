import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { FileAccessError } from "../../src/errors/file-access-error.js";
import { type PushProgressEvent, pushModelCard } from "../../src/hub/index.js";
import { type FakeHub, type FakeHubRoute, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";
import { copyRunFixture, RUN_FIXTURE } from "./run-fixture.js";

const TOKEN = "hf_hostileAlice0123456789abcdef";
const KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nthe user's secret key\n";

let hub: FakeHub;
/** Another host, which must never receive a request: where hostile redirects point. */
let elsewhere: { url: string; hits: string[]; close: () => Promise<void> };

beforeAll(async () => {
  hub = await startFakeHub({ users: { [TOKEN]: { name: "alice" } } });
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    req.resume();
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  elsewhere = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
});
afterAll(async () => {
  await hub.close();
  await elsewhere.close();
});
beforeEach(() => {
  hub.reset();
  elsewhere.hits.length = 0;
});

async function push(args: string[], env: NodeJS.ProcessEnv = {}) {
  const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_TOKEN: TOKEN, ...env } });
  const code = await cli(["push", ...args], terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

const committed = (repo: string) => hub.repos.get(repo)?.commits ?? [];
const sentBytes = () => Buffer.concat(hub.requests.map((request) => request.body));

/** A file outside the run that must never be sent. */
function outsideKey(): string {
  const path = join(mkdtempSync(join(tmpdir(), "modelcard-outside-")), "id_rsa");
  writeFileSync(path, KEY);
  return path;
}

/** Replaces `name` in `dir` by a symlink to `target`, as an attacker (or a careless script) would mid-push. */
function swapForLink(dir: string, name: string, target: string) {
  rmSync(join(dir, name));
  symlinkSync(target, join(dir, name));
}

describe("push sends exactly what it checked", () => {
  const cases: [FakeHubRoute, string][] = [
    ["validate-yaml", "tokenizer_config.json"],
    ["preupload", "model.safetensors"],
  ];
  for (const [route, name] of cases) {
    it(`stops before the commit when ${name} is swapped for an outside symlink at ${route}, never sending it`, async () => {
      const dir = copyRunFixture();
      const key = outsideKey();
      hub.onRequest = (request) => {
        if (request.route === route) swapForLink(dir, name, key);
      };
      const { code, stdout, stderr } = await push([dir, "--repo", "alice/swap"]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(
        `modelcard: ${join(dir, name)} changed after push checked it (it was replaced by a symlink); nothing was committed: push again when the folder is settled\n`,
      );
      expect(hub.requests.some((request) => request.route === "commit")).toBe(false);
      expect(committed("alice/swap")).toEqual([]);
      expect(sentBytes().includes(Buffer.from("the user's secret key"))).toBe(false);
    });
  }

  it("stops when a file is swapped as the commit is about to be sent, and sends neither file", async () => {
    const dir = copyRunFixture();
    const key = outsideKey();
    const original = readFileSync(join(dir, "tokenizer_config.json"));
    const onProgress = (event: PushProgressEvent) => {
      if (event.type === "step" && event.step === "commit") swapForLink(dir, "tokenizer_config.json", key);
    };
    const error = await pushModelCard({
      path: dir,
      repo: "alice/swap",
      hubUrl: hub.url,
      accessToken: TOKEN,
      onProgress,
    })
      .then(() => null)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as Error).message).toBe(
      `${join(dir, "tokenizer_config.json")} changed after push checked it (it was replaced by a symlink); nothing was committed: push again when the folder is settled`,
    );
    expect(hub.requests.some((request) => request.route === "commit")).toBe(false);
    expect(sentBytes().includes(Buffer.from("the user's secret key"))).toBe(false);
    expect(sentBytes().includes(original)).toBe(false);
  });

  it("stops when a file is rewritten in place after planning, grown or truncated, small or large", async () => {
    const dir = copyRunFixture();
    const size = readFileSync(join(dir, "config.json")).length;
    // Weights above 1 MiB are streamed from their descriptor; smaller files are read from it at once.
    const large = 2 * 1024 * 1024;
    writeFileSync(join(dir, "extra.safetensors"), Buffer.alloc(large, 1));
    const rewrites: [string, Buffer, string][] = [
      ["config.json", Buffer.from("x".repeat(size + 10)), `its size changed (${size} bytes planned, ${size + 10} now)`],
      ["config.json", Buffer.from("{}"), `its size changed (${size} bytes planned, 2 now)`],
      ["extra.safetensors", Buffer.alloc(10), `it is now shorter than the ${large} bytes planned`],
    ];
    for (const [name, bytes, why] of rewrites) {
      hub.reset();
      writeFileSync(join(dir, "config.json"), readFileSync(join(RUN_FIXTURE, "config.json")));
      writeFileSync(join(dir, "extra.safetensors"), Buffer.alloc(large, 1));
      hub.onRequest = (request) => {
        if (request.route === "validate-yaml") writeFileSync(join(dir, name), bytes);
      };
      const { code, stderr } = await push([dir, "--repo", "alice/rewrite"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`modelcard: ${join(dir, name)} changed after push checked it (${why}); nothing`);
      expect(committed("alice/rewrite")).toEqual([]);
    }
  });

  it("stops when a parent folder is replaced by another one after planning", async () => {
    const dir = copyRunFixture();
    hub.onRequest = (request) => {
      if (request.route !== "validate-yaml") return;
      renameSync(join(dir, "int8"), join(dir, "int8-old"));
      renameSync(join(dir, "int4"), join(dir, "int8"));
    };
    const { code, stderr } = await push([dir, "--repo", "alice/folder"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `modelcard: ${join(dir, "int4", "config.json")} changed after push checked it (the folder ${join(dir, "int4")} was moved or replaced); nothing was committed`,
    );
    expect(committed("alice/folder")).toEqual([]);
  });

  it("with --follow-symlinks sends what a link led to at planning, and stops when the link is repointed", async () => {
    const dir = copyRunFixture();
    const planned = outsideKey().replace(/id_rsa$/, "tokenizer.json");
    writeFileSync(planned, '{"planned": true}');
    swapForLink(dir, "tokenizer.json", planned);
    const other = outsideKey();
    hub.onRequest = (request) => {
      if (request.route === "preupload") swapForLink(dir, "tokenizer.json", other);
    };
    const { code, stderr } = await push([dir, "--repo", "alice/follow", "--follow-symlinks"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${join(dir, "tokenizer.json")} changed after push checked it (the symlink now leads elsewhere)`,
    );
    expect(sentBytes().includes(Buffer.from("the user's secret key"))).toBe(false);
    hub.reset();
    swapForLink(dir, "tokenizer.json", planned);
    expect((await push([dir, "--repo", "alice/follow", "--follow-symlinks"])).code).toBe(0);
    expect(committed("alice/follow")[0]!.files.get("tokenizer.json")!.bytes.toString()).toBe('{"planned": true}');
  });
});

describe("push never follows a redirect with a request that changes the repository", () => {
  for (const [route, status] of [
    ["commit", 307],
    ["preupload", 308],
    ["create-repo", 307],
  ] as const) {
    it(`stops with exit 2 on a ${status} to another host answering ${route}, sending nothing there`, async () => {
      hub.fail({ route, status, headers: { Location: `${elsewhere.url}/steal` }, body: {} });
      const { code, stdout, stderr } = await push([RUN_FIXTURE, "--repo", "alice/redirect"]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(
        new RegExp(
          `modelcard: [a-z ]+ failed for ${hub.url}/alice/redirect: the Hub answered ${status} to POST /[^ ]+, redirecting it to another host, ${elsewhere.url}; a request that changes the repository is never sent anywhere else than where it was addressed, so it was not sent there; `,
        ),
      );
      expect(elsewhere.hits).toEqual([]);
      expect(committed("alice/redirect")).toEqual([]);
    });
  }
});

describe("push reports a commit only with the Hub's commit id", () => {
  it("reads the branch when the commit's answer has no commit id, and reports the commit found there", async () => {
    hub.fail({ route: "commit", rewrite: (answer) => ({ ...(answer as object), commitOid: undefined }) });
    const { code, stdout, stderr } = await push([RUN_FIXTURE, "--repo", "alice/noid"]);
    expect(code).toBe(0);
    const oid = committed("alice/noid")[0]!.oid;
    expect(stderr).toMatch(/: the Hub answered 200 with no commit id: ".*"; looking for the commit on the Hub\n/);
    expect(stdout).toContain(`commit: ${hub.url}/alice/noid/commit/${oid}\n`);
    expect(stdout).not.toContain("undefined");
  });

  it("exits 2 saying what it knows when the answer has no commit id and the branch did not move", async () => {
    hub.addRepo("alice/noid");
    hub.fail({ route: "commit", status: 200, body: { success: true } });
    const { code, stdout, stderr } = await push([RUN_FIXTURE, "--repo", "alice/noid", "--card-only"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /the Hub answered 200 with no commit id: "\{\\"success\\":true\}"; the Hub did not apply it \(main is still at [0-9a-f]{40}\): push again\.\n$/,
    );
  });
});

describe("push stops on answers it cannot read, with the status and an excerpt", () => {
  it("stops on a validate-yaml answer that is not JSON, before anything is uploaded", async () => {
    hub.fail({ route: "validate-yaml", status: 200, rawBody: "<html><body>Gateway says hi</body></html>" });
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/strict"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `modelcard: validating the card on the Hub failed for ${hub.url}/alice/strict: the Hub answered 200 to POST /api/validate-yaml with what is not JSON: "<html><body>Gateway says hi</body></html>"; nothing was committed, the repository is as it was.\n`,
    );
    expect(hub.requests.map((request) => request.route)).toEqual(["whoami", "validate-yaml"]);
  });

  it("stops on a null whoami answer without a JavaScript error", async () => {
    hub.fail({ route: "whoami", status: 200, rawBody: "null" });
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/strict"]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `checking the token with ${hub.url}\nmodelcard: checking the token failed for ${hub.url}/alice/strict: the Hub answered 200 to GET /api/whoami-v2 with no user name: "null"; nothing was committed, the repository is as it was.\n`,
    );
  });

  it("stops on a preupload answer that is not JSON", async () => {
    hub.fail({ route: "preupload", status: 200, rawBody: "Service Unavailable" });
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/strict"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /the Hub answered 200 to POST \/api\/models\/alice\/strict\/preupload\/main with what is not JSON: "Service Unavailable"/,
    );
  });

  it("looks for the commit when its answer is not JSON, and says so with the excerpt", async () => {
    hub.addRepo("alice/strict");
    hub.fail({ route: "commit", status: 200, rawBody: "<html>oops" });
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/strict", "--card-only"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/the Hub answered 200 with what is not JSON: "<html>oops"; the Hub did not apply it/);
  });
});

describe("push shows no token and no endpoint credentials", () => {
  const echoes = (url: string) => [
    `Authorization: Bearer ${TOKEN}`,
    `token ${TOKEN}`,
    `${url.replace("http://", `http://alice:${TOKEN}@`)}/alice/echo?token=${encodeURIComponent(TOKEN)}`,
  ];
  const routes: FakeHubRoute[] = [
    "whoami",
    "validate-yaml",
    "repo-info",
    "create-repo",
    "preupload",
    "lfs-batch",
    "commit",
    "list-commits",
  ];
  for (const route of routes) {
    it(`finds the token nowhere when the ${route} answer echoes it (stdout, stderr, --json)`, async () => {
      for (const json of [[], ["--json"]]) {
        hub.reset();
        hub.fail({ route, status: 400, body: { error: echoes(hub.url).join(" | "), errors: [{ message: TOKEN }] } });
        const { stdout, stderr } = await push([RUN_FIXTURE, "--repo", "alice/echo", ...json]);
        expect(hub.requests.some((request) => request.route === route)).toBe(true);
        expect(`${stdout}${stderr}`).not.toContain(TOKEN.slice(3));
      }
    });
  }

  it("finds the token nowhere when the Hub's warnings and commit URL echo it", async () => {
    hub.options.validateYaml = () => ({ warnings: echoes(hub.url) });
    hub.fail({
      route: "commit",
      rewrite: (answer) => ({ ...(answer as object), commitUrl: `${hub.url}/x?token=${TOKEN}` }),
    });
    const { code, stdout, stderr } = await push([RUN_FIXTURE, "--repo", "alice/echo", "--json"]);
    hub.options.validateYaml = undefined;
    expect(code).toBe(0);
    expect(stderr).toContain("warning hub-warning (from the Hub): Authorization: Bearer hf_***");
    expect(JSON.parse(stdout).commitUrl).toBe(`${hub.url}/x?token=hf_***`);
    expect(`${stdout}${stderr}`).not.toContain(TOKEN.slice(3));
  });

  it("redacts an HF_ENDPOINT's userinfo in every progress line and in the error", async () => {
    const secret = "pr0xyPassw0rd-abcdef";
    const endpoint = hub.url.replace("http://", `http://proxyuser:${secret}@`);
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/a"], { HF_ENDPOINT: endpoint });
    expect(code).toBe(2);
    expect(stderr).toContain(`checking the token with ${hub.url.replace("http://", "http://***@")}\n`);
    expect(stderr).not.toContain(secret);
  });

  it("redacts the endpoint's credentials and a token in its path in every progress and retry event", async () => {
    const secret = "pr0xyPassw0rd-abcdef";
    const pathKey = "k3yInThePath0123456789";
    const hubUrl = `${hub.url.replace("http://", `http://proxyuser:${secret}@`)}/${pathKey}`;
    // A proxy that takes the credentials off and forwards to the Hub.
    const proxy: typeof fetch = (input, init) => fetch(String(input).replace(hubUrl, hub.url), init as RequestInit);
    hub.fail({ route: "validate-yaml", status: 503, body: { error: `no ${pathKey} ${secret}` } });
    const events: PushProgressEvent[] = [];
    const outcome = await pushModelCard({
      path: RUN_FIXTURE,
      repo: "alice/proxied",
      hubUrl,
      accessToken: TOKEN,
      fetch: proxy,
      cardOnly: true,
      retry: { sleep: async () => undefined },
      onProgress: (event) => events.push(event),
    });
    expect(outcome.status).toBe("pushed");
    expect(events.some((event) => event.type === "retry")).toBe(true);
    const shown = JSON.stringify({ events, outcome: { ...outcome, plan: null } });
    for (const hidden of [secret, pathKey, TOKEN]) expect(shown).not.toContain(hidden);
    expect(outcome.repoUrl).toBe(`${hub.url.replace("http://", "http://***@")}/***/alice/proxied`);
  });
});

describe("push never waits on a FIFO", () => {
  const mkfifo = (path: string) => execFileSync("mkfifo", [path]);

  it("refuses a README.md that is a FIFO (exit 2), in a folder or named as the card", async () => {
    const dir = copyRunFixture();
    rmSync(join(dir, "README.md"));
    mkfifo(join(dir, "README.md"));
    for (const target of [dir, join(dir, "README.md")]) {
      const { code, stderr } = await push([target, "--repo", "alice/fifo", "--dry-run"]);
      expect(code).toBe(2);
      expect(stderr).toContain(`  ${join(dir, "README.md")}: not a regular file (a FIFO)\n`);
    }
    expect(hub.requests).toEqual([]);
  });

  it("plans a folder whose subfolder's config.json is a FIFO without waiting on it", async () => {
    const dir = copyRunFixture();
    mkdirSync(join(dir, "variant"));
    mkfifo(join(dir, "variant", "config.json"));
    const { code, stdout } = await push([dir, "--repo", "alice/fifo", "--dry-run", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).leftOut).toContainEqual({
      path: "variant/",
      reason: "not a quantized model folder (no config.json with a quantization_config)",
    });
  });

  it("leaves out a FIFO named like a model file, saying why", async () => {
    const dir = copyRunFixture();
    mkfifo(join(dir, "extra.safetensors"));
    const { code, stdout } = await push([dir, "--repo", "alice/fifo", "--dry-run", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).leftOut).toContainEqual({
      path: "extra.safetensors",
      reason: "not a regular file (a FIFO)",
    });
  });

  it("stops, without hanging, when a file is swapped for a FIFO during the push", async () => {
    const dir = copyRunFixture();
    hub.onRequest = (request) => {
      if (request.route !== "validate-yaml") return;
      rmSync(join(dir, "config.json"));
      mkfifo(join(dir, "config.json"));
    };
    const { code, stderr } = await push([dir, "--repo", "alice/fifo", "--timeout", "5"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${join(dir, "config.json")} changed after push checked it (it is now not a regular file (a FIFO))`,
    );
    expect(committed("alice/fifo")).toEqual([]);
  });
});

describe("push of a generated card", () => {
  it("does not list README.md as left out when it is a dangling symlink and the card sent is generated", async () => {
    const dir = copyRunFixture();
    rmSync(join(dir, "README.md"));
    symlinkSync(join(dir, "nowhere.md"), join(dir, "README.md"));
    const { code, stdout, stderr } = await push([dir, "--repo", "alice/gen", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.cardGenerated).toBe(true);
    expect(json.files[0]).toMatchObject({ path: "README.md", generated: true });
    expect(json.leftOut.map((entry: { path: string }) => entry.path)).not.toContain("README.md");
    expect(stderr).toContain("has no README.md: the card is generated from the run");
    const plain = await push([dir, "--repo", "alice/gen2"]);
    expect(plain.stdout).not.toContain("README.md (");
  });
});
