import type { Db } from '../db/connection.ts';
import type { Actor } from './actor.ts';
import { revokeUserApiTokens } from './api-tokens.ts';
import { revokeUserSessions } from './sessions.ts';

/**
 * Ends everything that lets a user in without their password: every session and every API token.
 * Called, in the same transaction, by every write of a password hash and by a reset asked by an
 * administrator, so that whoever held the old password keeps no way in.
 */
export async function endUserAccess(db: Db, userId: number): Promise<void> {
  await revokeUserSessions(db, userId);
  await revokeUserApiTokens(db, userId);
}

/**
 * Changing or resetting a password needs a signed-in session: an API token (possibly copied into
 * a script or leaked) must not be able to take over the account by setting a new password.
 */
export const mayChangePasswords = (actor: Actor): boolean => actor.via !== 'token';
