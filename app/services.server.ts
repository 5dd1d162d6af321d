import type { AppLoadContext } from "@remix-run/node";
import "./context";

/** The database of the running portal, from the load context the server passes in. */
export const dbFrom = (context: AppLoadContext) => context.services.db;
