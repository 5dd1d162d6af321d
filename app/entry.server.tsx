// Streams the server render, with the CSP nonce available to <Scripts> through context.
import { Transform } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceContext } from "./nonce";
import "./context";

const ABORT_DELAY = 5_000;

// Thrown 404/403 responses are answers, not errors; only real failures are logged. A 503 for an
// unreachable database is logged where it is made (server/unavailable.ts).
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (error instanceof Response && (error.status < 500 || error.status === 503)) return;
  if ((error as { status?: number } | null)?.status === 404) return;
  console.error(error);
};
export const streamTimeout = ABORT_DELAY;

/**
 * React 18's streaming renderer sends a whole 2048-byte buffer even when a multi-byte character did not
 * fit at its end, so one to three unwritten zero bytes reach the page and Chinese text shows a stray NUL
 * (facebook/react#24985, fixed only in React 19). HTML never contains NUL: drop the zeros ending a chunk.
 */
export function withoutStrayNulls(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  // 503: the database is unreachable for a moment (server/unavailable.ts); say when to try again.
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", "5");
  const nonce = loadContext.cspNonce;
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutStrayNulls();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY + 1_000);
  });
}
