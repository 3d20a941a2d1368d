/** Two-factor sign-in (TOTP and recovery codes) for database accounts. */
export { closeChallenge, closeUserChallenges, findChallenge, openChallenge, type Challenge, type ChallengeStep } from './challenge.ts';
export { groupedKey, otpauthUri } from './codes.ts';
export { totpMessage } from './messages.ts';
export { administersAccounts, secondFactorRequired } from './policy.ts';
export { secondStepOf, signInByEnrolling, signInWithCode, type SecondStepResult } from './second-step.ts';
export { activate, beginEnrolment, removeSecondFactor, renewRecoveryCodes, twoFactorStatus, useCode, type TwoFactorStatus } from './store.ts';
export { accountKind, type AccountKind } from './account-kind.ts';
