import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { fetchWithTimeouts } from "../../src/hub/index.js";

/** A local server answering with `handler`; resolves to its URL and a function that closes it. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>) {
  const server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

const upload = (megabytes: number) => ({
  method: "PUT",
  body: new Blob([Buffer.alloc(megabytes * 1_000_000)]).stream(),
  duplex: "half",
});

const failure = (error: unknown) => ({
  code: ((error as Error).cause as { code?: string } | undefined)?.code,
  message: ((error as Error).cause as Error | undefined)?.message,
});

describe("fetchWithTimeouts", () => {
  it("ends a request whose server stops reading the upload, or never answers, after the idle timeout", async () => {
    const server = await serve(() => undefined);
    for (const init of [upload(40), { method: "GET" }]) {
      const started = Date.now();
      const error = await fetchWithTimeouts({ idleMs: 500 })(server.url, init as RequestInit).catch((caught) => caught);
      expect(failure(error)).toEqual({ code: "IDLE_TIMEOUT", message: "no byte moved for 0.5 s" });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
    server.close();
  });

  it("ends an answer that stops halfway after the idle timeout", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"half": ');
    });
    const response = await fetchWithTimeouts({ idleMs: 500 })(server.url);
    const error = await response.text().catch((caught: unknown) => caught);
    expect(failure(error).code).toBe("UND_ERR_BODY_TIMEOUT");
    server.close();
  });
});
