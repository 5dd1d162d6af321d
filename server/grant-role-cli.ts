// npm run users:grant-role -- <email> <role> — gives an existing account a role from the command line.
// This is how the first administrator is made; after that, admins grant roles at /admin/users.
import { eq } from "drizzle-orm";
import * as t from "../db/schema";
import { recordAudit } from "../app/audit/audit.server";
import { isRole, roles } from "../app/auth/permissions";
import { CliError, runCli } from "./cli";

const [email, role] = process.argv.slice(2);
if (!email || !isRole(role)) {
  process.stderr.write(`usage: npm run users:grant-role -- <email> <role>\nroles: ${roles.join(", ")}\n`);
  process.exit(2);
}

await runCli("users:grant-role", { seed: false, search: false }, async ({ db }) => {
  const [user] = await db.select().from(t.users).where(eq(t.users.email, email.trim().toLowerCase()));
  if (!user) throw new CliError(`no account with the e-mail ${email}: sign up first`);
  await db.transaction(async (tx) => {
    const granted = await tx.insert(t.userRoles).values({ userId: user.id, role }).onConflictDoNothing().returning();
    if (granted.length === 0) return;
    // Privileges changed: the account's sessions end, so it signs in again under the new role.
    await tx.delete(t.sessions).where(eq(t.sessions.userId, user.id));
    await recordAudit(tx, { actorUserId: null, action: "role-granted", entity: "user", entityId: user.id, detail: { role, via: "command line" } });
  });
  process.stdout.write(`${user.email} has the role ${role}\n`);
});
