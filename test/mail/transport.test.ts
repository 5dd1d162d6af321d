// The SMTP transport speaks to the relay in SMTP_URL with MAIL_FROM as sender; without SMTP_URL,
// mail is written to the log. The relay here is a minimal SMTP server in this file (the relay is a
// third party the portal does not run, so it is the one thing stood in for).
import { once } from "node:events";
import net from "node:net";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createMailTransport } from "../../app/mail/transport.server";

interface Received {
  from: string;
  to: string[];
  data: string;
}

/** Accepts every message (or refuses each with 550), without TLS or authentication. */
async function startRelay(refuse = false) {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    socket.setEncoding("utf8");
    let buffer = "";
    let inData = false;
    let current: Received = { from: "", to: [], data: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 relay.test ESMTP");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            received.push(current);
            current = { from: "", to: [], data: "" };
            reply(refuse ? "550 5.7.1 refused by policy" : "250 2.0.0 queued");
          } else current.data += `${line.replace(/^\.\./, ".")}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "MAIL") current.from = line;
        if (verb === "RCPT") current.to.push(line);
        if (verb === "DATA") inData = true;
        reply(verb === "DATA" ? "354 go ahead" : verb === "QUIT" ? "221 bye" : "250 ok");
        if (verb === "QUIT") socket.end();
      }
    });
    socket.on("error", () => {});
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as net.AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(r)) };
}

const closers: Array<() => unknown> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const message = { to: "lin@example.test", subject: "重設您的密碼", text: "重設密碼：\nhttp://localhost:3000/reset?token=t", html: "<p>重設密碼</p>" };

describe("createMailTransport", () => {
  it("hands the message to the SMTP relay with MAIL_FROM as the sender", async () => {
    const relay = await startRelay();
    closers.push(relay.close);
    const transport = createMailTransport({ SMTP_URL: relay.url, MAIL_FROM: "Portal <no-reply@portal.test>" }, pino({ level: "silent" }));
    closers.push(() => transport.close?.());
    await transport.send(message);
    expect(relay.received).toHaveLength(1);
    expect(relay.received[0]!.from).toContain("<no-reply@portal.test>");
    expect(relay.received[0]!.to).toEqual(["RCPT TO:<lin@example.test>"]);
    expect(relay.received[0]!.data).toMatch(/^From: Portal <no-reply@portal\.test>$/m);
    expect(relay.received[0]!.data).toMatch(/^Content-Type: multipart\/alternative/m);
  });

  it("throws when the relay refuses or cannot be reached, so the outbox retries", async () => {
    const relay = await startRelay(true);
    closers.push(relay.close);
    const refusing = createMailTransport({ SMTP_URL: relay.url, MAIL_FROM: "no-reply@portal.test" }, pino({ level: "silent" }));
    closers.push(() => refusing.close?.());
    await expect(refusing.send(message)).rejects.toThrow(/550/);

    const closed = await startRelay();
    await closed.close();
    const unreachable = createMailTransport({ SMTP_URL: closed.url, MAIL_FROM: "no-reply@portal.test" }, pino({ level: "silent" }));
    closers.push(() => unreachable.close?.());
    await expect(unreachable.send(message)).rejects.toThrow();
  });

  it("without SMTP_URL writes the message to the log", async () => {
    const lines: string[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    await createMailTransport({ SMTP_URL: undefined, MAIL_FROM: "no-reply@portal.test" }, log).send(message);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 30, mail: { to: message.to, subject: message.subject, text: message.text } });
  });
});
