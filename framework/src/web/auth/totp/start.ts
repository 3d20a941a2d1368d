import type { Context } from 'hono';
import type { SecondFactorPending } from '../../../access/login.ts';
import { openChallenge } from '../../../access/totp/challenge.ts';
import type { AppEnv } from '../../env.ts';
import { clientAddress } from '../client-address.ts';
import { setChallengeCookie } from './cookie.ts';

/**
 * After a right password that still owes a second step: no session yet, a one-use challenge bound
 * to the user (cookie + row, a few minutes), and the page of that step: « Code de vérification »,
 * or setting up the second factor the instance requires (no other page is reachable before).
 */
export async function startSecondStep(c: Context<AppEnv>, pending: SecondFactorPending, cameFrom: string): Promise<Response> {
  const token = await openChallenge(c.get('runtime').db.kysely, pending.userId, pending.step, {
    cameFrom,
    address: clientAddress(c),
    userAgent: c.req.header('User-Agent'),
  });
  setChallengeCookie(c, token);
  return c.redirect(pending.step === 'code' ? '/login/code' : '/two-factor', 303);
}
