/** Configuration read from the environment, once, at start-up. */
import { localeFrom, type Locale } from '../i18n/locales.ts';
import { twoFactorConfig, type TwoFactorConfig } from './two-factor.ts';
import { instanceSecretFrom } from './instance-key.ts';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

export interface RuntimeConfig {
  port: number;
  /** Public address of the application, used in e-mailed links. */
  baseUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  adminPassword: string | undefined;
  smtp: SmtpConfig | undefined;
  session: {
    /** Inactivity after which a session ends. */
    idleMinutes: number;
    /** Age after which a session ends whatever the activity. */
    absoluteHours: number;
  };
  login: {
    /** Failed attempts allowed per login, then per address, within the window. */
    maxFailuresPerLogin: number;
    maxFailuresPerAddress: number;
    windowMinutes: number;
  };
  /** Who must sign in with a second factor (COMMUN_DOUBLE_AUTHENTIFICATION); see access/totp/policy.ts. */
  twoFactor: TwoFactorConfig;
  /** The instance's own secret (COMMUN_CLE_INSTANCE), keys derive from it; unset: `<dataDir>/cle-instance`. */
  instanceSecret: string | undefined;
  /** Lists never wait for an exact count beyond this many rows: they show an estimate. */
  exactCountLimit: number;
  /** How long an explicit `count=exact` may count (COMMUN_EXACT_COUNT_TIMEOUT_MS; server database only). */
  exactCountTimeoutMs: number;
  logLevel: string;
  /**
   * Behind a reverse proxy: take the client's address from the last `X-Forwarded-For` entry added
   * by the proxy (COMMUN_TRUST_PROXY=1), for login throttling and logs. Never set it without a proxy.
   */
  trustProxy: boolean;
  /** Load the applications' demo data when their schema is created (COMMUN_DEMO=0 to turn off). */
  demo: boolean;
  /** Language of the texts shown to users (COMMUN_LOCALE: fr, en); French when unset or unknown. */
  locale: Locale;
  upload: {
    /** Largest file a form accepts, unless the field says otherwise (COMMUN_UPLOAD_MAX_BYTES, 10 Mio). */
    maxBytes: number;
    /** Largest form with files (COMMUN_UPLOAD_REQUEST_MAX_BYTES, 32 Mio); other requests stay at 2 Mio. */
    requestMaxBytes: number;
  };
  imports: {
    /** Largest CSV file an import accepts, streamed to disk (COMMUN_IMPORT_MAX_BYTES, 200 Mio). */
    maxBytes: number;
  };
  jobs: {
    /** Days a finished job's result files are kept, then deleted (COMMUN_TRAITEMENT_CONSERVATION_JOURS, 7). */
    keepResultsDays: number;
    /** Above this many documents, printing a search runs as a job (COMMUN_IMPRESSION_DIRECTE_MAX, 50). */
    directPrintMax?: number;
  };
}

const integer = (value: string | undefined, fallback: number) => {
  const parsed = value === undefined || value === '' ? NaN : Number(value);
  return Number.isInteger(parsed) ? parsed : fallback;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const port = integer(env.PORT, 8080);
  return {
    port,
    baseUrl: (env.COMMUN_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.COMMUN_DATA_DIR || './data',
    adminPassword: env.COMMUN_ADMIN_PASSWORD || undefined,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: integer(env.SMTP_PORT, 25),
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER || undefined,
          password: env.SMTP_PASSWORD || undefined,
          from: env.SMTP_FROM || 'Commun <ne-pas-repondre@localhost>',
        }
      : undefined,
    session: {
      idleMinutes: integer(env.COMMUN_SESSION_IDLE_MINUTES, 60),
      absoluteHours: integer(env.COMMUN_SESSION_ABSOLUTE_HOURS, 12),
    },
    login: {
      maxFailuresPerLogin: integer(env.COMMUN_LOGIN_MAX_FAILURES, 5),
      maxFailuresPerAddress: integer(env.COMMUN_LOGIN_MAX_FAILURES_PER_ADDRESS, 20),
      windowMinutes: integer(env.COMMUN_LOGIN_WINDOW_MINUTES, 15),
    },
    twoFactor: twoFactorConfig(env),
    instanceSecret: instanceSecretFrom(env),
    exactCountLimit: integer(env.COMMUN_EXACT_COUNT_LIMIT, 100_000),
    exactCountTimeoutMs: integer(env.COMMUN_EXACT_COUNT_TIMEOUT_MS, 10_000),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: env.COMMUN_TRUST_PROXY === '1' || env.COMMUN_TRUST_PROXY === 'true',
    demo: env.COMMUN_DEMO !== '0' && env.COMMUN_DEMO !== 'false',
    locale: localeFrom(env.COMMUN_LOCALE),
    upload: {
      maxBytes: integer(env.COMMUN_UPLOAD_MAX_BYTES, 10 * 1024 * 1024),
      requestMaxBytes: integer(env.COMMUN_UPLOAD_REQUEST_MAX_BYTES, 32 * 1024 * 1024),
    },
    imports: {
      maxBytes: integer(env.COMMUN_IMPORT_MAX_BYTES, 200 * 1024 * 1024),
    },
    jobs: {
      keepResultsDays: integer(env.COMMUN_TRAITEMENT_CONSERVATION_JOURS, 7),
      directPrintMax: integer(env.COMMUN_IMPRESSION_DIRECTE_MAX, 50),
    },
  };
}
