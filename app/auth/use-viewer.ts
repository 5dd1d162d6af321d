// The signed-in user as the browser sees it (from the root loader), and a check for hiding what
// they cannot do. The server still checks every request; this only keeps the UI honest.
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "../root";
import { can, type Permission } from "./permissions";

export function useViewer() {
  return useRouteLoaderData<typeof rootLoader>("root")?.viewer ?? null;
}

export function useCan(permission: Permission): boolean {
  const viewer = useViewer();
  return viewer ? can(viewer.roles, permission) : false;
}
