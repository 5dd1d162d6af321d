// A Postgres server that shuts down while the portal is opening a connection must fail that request,
// not the process. postgres.js, by default, sends a catalogue query on every new connection without
// awaiting it; if the server answers it with "terminating connection" (as a fast shutdown does), the
// rejection is unhandled and Node exits (porsager/postgres#1192, #1223). db/client.ts turns that query
// off; this test puts a proxy in front of the real server that answers the first query of new
// connections with exactly that error, and fails on any unhandled rejection.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import * as t from "../../db/schema";

const database = inject("database");

/** ErrorResponse 57P01, what every backend sends when the server is shut down under it. */
function terminatingError(): Buffer {
  const field = (code: string, value: string) => Buffer.concat([Buffer.from(code), Buffer.from(value, "utf8"), Buffer.from([0])]);
  const body = Buffer.concat([
    field("S", "FATAL"),
    field("V", "FATAL"),
    field("C", "57P01"),
    field("M", "terminating connection due to administrator command"),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

describe.skipIf(!database.url)("a connection the server terminates while it starts", () => {
  let proxy: net.Server;
  let killing = false;
  let handle: DatabaseHandle;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    const upstream = new URL(database.url!);
    proxy = net.createServer((client) => {
      const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
      const doomed = killing;
      let chunks = 0;
      server.pipe(client);
      client.on("data", (chunk) => {
        // The first chunk is the startup message; the next is the connection's first query.
        if (doomed && ++chunks === 2) {
          server.destroy();
          client.end(terminatingError());
          return;
        }
        server.write(chunk);
      });
      client.on("error", () => server.destroy());
      server.on("error", () => client.destroy());
      client.on("close", () => server.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const { port } = proxy.address() as net.AddressInfo;
    const viaProxy = new URL(database.url!);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(port);
    handle = await openDatabase({ url: viaProxy.toString() });
    process.on("unhandledRejection", onUnhandled);
  });

  afterAll(async () => {
    process.off("unhandledRejection", onUnhandled);
    await handle?.close();
    await new Promise((resolve) => proxy?.close(resolve));
  });

  it("fails the queries that needed a new connection, leaves no unhandled rejection, and recovers", async () => {
    killing = true;
    // More parallel queries than the one open connection: the pool opens new ones, each terminated.
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => handle.db.select({ key: t.surveys.key }).from(t.surveys).limit(1)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(results.some((r) => r.status === "rejected"), "no query met a terminated connection").toBe(true);
    expect(unhandled).toEqual([]);

    killing = false;
    const [row] = await handle.db.select({ key: t.surveys.key }).from(t.surveys).limit(1);
    expect(row?.key).toBeTruthy();
  });
});
