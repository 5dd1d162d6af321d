import { createContext, useContext } from "react";

/** The per-request nonce that lets Remix's inline scripts run under a CSP without unsafe-inline. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
