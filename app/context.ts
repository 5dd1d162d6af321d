// What the web server hands every loader and action: the running services, the CSP nonce, the client's IP.
import type { Services } from "../server/services";

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    cspNonce: string;
    /** The client's address (behind a loopback proxy, the forwarded one): for throttling, audit, /dev/mail. */
    clientIp: string;
  }
}

export {};
