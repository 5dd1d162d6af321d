// What the web server hands every loader and action: the running services, the CSP nonce, the client's IP, the signed-in user.
import type { Services } from "../server/services";
import type { Viewer } from "./auth/session.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    cspNonce: string;
    /** The client's address (behind a loopback proxy, the forwarded one): for throttling, audit, /dev/mail. */
    clientIp: string;
    /** The signed-in user, resolved once per request from the session cookie; null when anonymous. */
    viewer: Viewer | null;
  }
}

// Single fetch is on (remix.config.js): type loaders and actions the way it serialises them,
// so `data(value, { status })` unwraps to `value` in useLoaderData and useActionData.
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}

export {};
