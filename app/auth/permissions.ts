// What each role may do, as typed `action:entity:scope` strings. The server checks them at the top of
// every loader and action (requirePermission); the UI uses the same table to hide what a user cannot do.
// Scopes say whose records: own (the user's), organisation (their organisation's), assigned (given to
// them), ranked (applicants who listed their unit), any (everyone's; reads of personal data are logged).

export const roles = [
  "talent",
  "company_recruiter",
  "training_unit_staff",
  "reviewer",
  "mentor",
  "programme_officer",
  "admin",
] as const;
export type Role = (typeof roles)[number];

/** Roles a person may choose at sign-up; the rest are granted by an admin or an invitation. */
export const selfServiceRoles = ["talent", "company_recruiter", "training_unit_staff"] as const satisfies readonly Role[];

type Action = "read" | "create" | "update" | "delete" | "approve" | "manage";
type Entity =
  | "account"
  | "application"
  | "trainee-application"
  | "unit-application"
  | "unit-review"
  | "placement-round"
  | "placement"
  | "talent-profile"
  | "position"
  | "organisation"
  | "membership"
  | "spark-team"
  | "programme"
  | "enrolment"
  | "user-role"
  | "audit-log"
  | "mission"
  | "ticket"
  | "employment-outcome"
  | "work-permit-case";
type Scope = "own" | "organisation" | "assigned" | "ranked" | "any";
export type Permission = `${Action}:${Entity}:${Scope}`;

const everyone: Permission[] = ["read:account:own", "update:account:own", "create:organisation:own"];

const office: Permission[] = [
  "read:application:any",
  "read:trainee-application:any",
  "read:unit-application:any",
  "read:talent-profile:any",
  "read:organisation:any",
  "approve:organisation:any",
  "read:audit-log:any",
  // Recruitment missions and matchmaking fairs: create, schedule meetings, record attendance and follow-ups.
  "manage:mission:any",
  // The single window: every inquiry and complaint (complaints are the office's alone), assignment, replies.
  "manage:ticket:any",
  // The PhD programme: rounds and their calendar, the document check of units' quota applications,
  // reviewer assignment, allocations and their publication.
  "manage:placement-round:any",
  "approve:unit-application:any",
  // PhD placements after the match: missed check-ins, course hours, completion.
  "read:placement:any",
  "update:placement:any",
  // The programme catalogue (every provider's programmes), their cohorts, attendance and certificates.
  "update:programme:any",
  // Employment outcomes of every completer: read (audited), enter and correct, verify or dispute.
  "read:employment-outcome:any",
  "update:employment-outcome:any",
  "approve:employment-outcome:any",
  // SPARK teams: intakes and their targets, selection, mentors, matching funds and demo days.
  "read:spark-team:any",
  "manage:spark-team:any",
  // Work-permit cases of overseas hires, to see where each stalls; the steps are the company's and the talent's.
  "read:work-permit-case:any",
];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  talent: [
    "read:application:own",
    "create:application:own",
    "read:talent-profile:own",
    "update:talent-profile:own",
    "read:trainee-application:own",
    "create:trainee-application:own",
    // Their PhD placement: check in or decline, answer post-match offers.
    "read:placement:own",
    "update:placement:own",
    // Enrolling in (and withdrawing from) course and fellowship cohorts.
    "create:enrolment:own",
    // Registering for missions and fairs, marking interest in positions, their own meetings.
    "update:mission:own",
    // Their own employment outcomes (answered through the survey links).
    "read:employment-outcome:own",
    // Leading a SPARK team's application.
    "create:spark-team:own",
    // Their work-permit case after a hire abroad: their own steps.
    "read:work-permit-case:own",
    "update:work-permit-case:own",
  ],
  company_recruiter: [
    "read:organisation:organisation",
    // Profiles opened to approved companies, when the recruiter's company is approved.
    "read:talent-profile:organisation",
    "create:position:organisation",
    "update:position:organisation",
    "read:application:organisation",
    "update:application:organisation",
    // Registering the company's published positions for missions, interest in talents, attendance and follow-ups.
    "update:mission:organisation",
    // SPARK teams shown at demo days: interest and meetings, when the company is approved.
    "read:spark-team:organisation",
    // Work-permit cases of their company's overseas hires: the company's steps.
    "read:work-permit-case:organisation",
    "update:work-permit-case:organisation",
  ],
  training_unit_staff: [
    "read:organisation:organisation",
    "create:unit-application:organisation",
    "update:unit-application:organisation",
    "read:unit-application:organisation",
    "read:trainee-application:ranked",
    // Their trainees after the match: post-match offers, training period, internships, completion.
    "read:placement:organisation",
    "update:placement:organisation",
    // Their unit's programmes in the catalogue, cohorts, attendance, completion and certificates.
    "update:programme:organisation",
    // Employment outcomes of their own trainees and course completers: read, enter, import.
    "read:employment-outcome:organisation",
    "update:employment-outcome:organisation",
  ],
  reviewer: ["read:unit-application:assigned", "create:unit-review:assigned"],
  // The expert panel: their teams, and meetings logged with them.
  mentor: ["read:spark-team:assigned", "update:spark-team:assigned"],
  programme_officer: office,
  admin: [...office, "manage:user-role:any", "manage:membership:any"],
};

/** Everything a user with these roles may do. */
export function permissionsFor(userRoles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>(everyone);
  for (const role of userRoles) for (const permission of rolePermissions[role]) granted.add(permission);
  return granted;
}

/** True when the roles grant the permission, or the same action on the same entity for any record. */
export function can(userRoles: readonly Role[], permission: Permission): boolean {
  const granted = permissionsFor(userRoles);
  if (granted.has(permission)) return true;
  const [action, entity] = permission.split(":");
  return granted.has(`${action}:${entity}:any` as Permission);
}

export const isRole = (value: unknown): value is Role => typeof value === "string" && (roles as readonly string[]).includes(value);
