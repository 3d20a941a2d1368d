import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { cookieOptions } from '../cookies.ts';

/** The sign-in waiting for its second factor: a random token whose SHA-256 keys `om_verification_connexion`. */
export const CHALLENGE_COOKIE = 'commun_verification';

export const readChallengeCookie = (c: Context) => getCookie(c, CHALLENGE_COOKIE);
export const setChallengeCookie = (c: Context, token: string) => setCookie(c, CHALLENGE_COOKIE, token, { ...cookieOptions(c), sameSite: 'Strict' });
export const clearChallengeCookie = (c: Context) => void deleteCookie(c, CHALLENGE_COOKIE, { ...cookieOptions(c), sameSite: 'Strict' });
