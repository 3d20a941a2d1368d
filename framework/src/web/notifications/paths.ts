/** Addresses of « Mes notifications » and of the e-mail's opt-out link. */
import { OPT_OUT_PATH } from '../../notifications/opt-out.ts';

export const NOTIFICATION_PATHS = {
  page: '/notifications',
  optOut: OPT_OUT_PATH,
} as const;

/** The form's checkbox. */
export const DAILY_FIELD = 'notification_quotidienne';
/** The opt-out token, in the link's query and in the confirmation form. */
export const TOKEN_FIELD = 'jeton';
