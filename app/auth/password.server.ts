// Passwords: argon2id hashes (OWASP's minimum parameters: 19 MiB, 2 passes) and the rules a new
// password must meet. The rules return message keys so the form can say what is wrong in the user's language.
import { hash, verify } from "@node-rs/argon2";
import { commonPasswords } from "./common-passwords";

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, which isolated modules cannot import).
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const hashPassword = (password: string) => hash(password, options);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed check, never a 500
  }
}

/** A hash to verify against when the account does not exist, so both paths take the same time. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword("decoy password that never matches"));

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsEmail" | "repetitive";

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) return "common";
  if (new Set(lower).size < 4) return "repetitive";
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "containsEmail";
  return null;
}
