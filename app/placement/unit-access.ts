// Who may act for a training unit on its trainees: its staff (a training unit or medical centre they
// belong to) and, where the rule says so, the programme office. Pure: viewers carry their memberships.
import { can } from "../auth/permissions";
import type { Viewer } from "../auth/session.server";

const unitKinds = new Set(["training_unit", "medical_centre"]);

export const isUnitStaff = (viewer: Viewer, organisationId: string) =>
  can(viewer.roles, "update:placement:organisation") && viewer.memberships.some((m) => m.organisationId === organisationId && unitKinds.has(m.kind));

export const isOffice = (viewer: Viewer) => can(viewer.roles, "manage:placement-round:any");
