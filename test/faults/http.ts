// Plain HTTP for the fault tests: status, headers and body of one request, a fresh connection each
// time (no pooled socket outlives a portal that is being stopped).
import http from "node:http";

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; form?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Reply> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const headers: Record<string, string> = { "accept-language": "zh-TW", ...options.headers };
  if (body !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    headers["content-length"] = String(Buffer.byteLength(body));
    headers.origin ??= new URL(url).origin;
  }
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? (body ? "POST" : "GET"), headers, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
      response.on("error", reject);
    });
    const timeoutMs = options.timeoutMs ?? 15_000;
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${options.method ?? "GET"} ${url} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** The session cookie ("name=value") a response sets, for the next requests. */
export function sessionCookieOf(reply: Reply): string | null {
  const cookies = reply.headers["set-cookie"] ?? [];
  const session = cookies.find((c) => c.startsWith("portal_session=") && !c.startsWith("portal_session=;"));
  return session ? session.split(";")[0]! : null;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
