// What the web server hands every loader and action: the running services and the CSP nonce.
import type { Services } from "../server/services";

declare module "@remix-run/node" {
  interface AppLoadContext {
    services: Services;
    cspNonce: string;
  }
}

export {};
