import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * The application's logger: one JSON object per line on standard output (or on `destination`),
 * ISO timestamps, level names rather than numbers. `silent` turns it off (tests).
 *
 * Secrets never reach the logs: credentials that could end up in a logged object are redacted.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'commun' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'headers.authorization',
        'headers.cookie',
        'req.headers.authorization',
        'req.headers.cookie',
      ],
      censor: '[masqué]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
