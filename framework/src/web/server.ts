/**
 * The HTTP server: serves the application with Node's http module and stops cleanly. On SIGTERM
 * or SIGINT it stops accepting connections, lets the requests in progress finish (for at most
 * `shutdownTimeoutMs`), closes the database, then exits with status 0. A second signal during the
 * wait forces the exit.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { t } from '../i18n/index.ts';
import { startBackupService } from '../backup/service.ts';
import { jobRunnerOf, startJobMaintenance } from '../jobs/index.ts';
import type { Runtime } from '../runtime.ts';

type FetchCallback = Parameters<typeof serve>[0]['fetch'];

export interface ServerOptions {
  port: number;
  /** Interface to listen on; all of them by default. */
  hostname?: string;
  /** How long requests in progress may take to finish once shutdown has begun. Default 10 s. */
  shutdownTimeoutMs?: number;
  /** Stop on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** Called with the exit status after a shutdown triggered by a signal (default `process.exit`). */
  exit?: (code: number) => void;
}

export interface RunningServer {
  /** The port actually listened on (useful with `port: 0`). */
  readonly port: number;
  readonly url: string;
  /** Requests being answered right now. */
  readonly inFlight: () => number;
  /** Stops accepting connections, waits for the requests in progress, then closes the database. */
  close(): Promise<void>;
}

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export async function startServer(
  app: { fetch: FetchCallback },
  runtime: Runtime,
  options: ServerOptions,
): Promise<RunningServer> {
  const logger = runtime.logger;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  const exit = options.exit ?? ((code: number) => process.exit(code));

  let active = 0;
  let closing: Promise<void> | undefined;

  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const created = serve(
      {
        fetch: app.fetch,
        port: options.port,
        ...(options.hostname ? { hostname: options.hostname } : {}),
      },
      (info: AddressInfo) => resolve({ server: created as Server, port: info.port }),
    ) as Server;
    created.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(t('system.portInUse', { port: options.port }, runtime.config.locale), { cause: error })
          : error,
      );
    });
  });

  // Requests are counted from arrival until their response is sent (or the client is gone), so
  // that a streamed response (a long PDF, an export) counts as in progress until its end.
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    active += 1;
    // During shutdown, a request on a kept-alive connection is answered, then the connection closed.
    if (closing) response.setHeader('Connection', 'close');
    response.once('close', () => {
      active -= 1;
    });
  });

  // Jobs left « en cours » by a dead process become « interrompu »; expired result files go (every minute).
  const maintenance = startJobMaintenance(runtime);
  const backups = startBackupService(runtime); // `commun backup` requests, nightly backup (backup/service.ts)

  const host = !options.hostname || options.hostname === '0.0.0.0' || options.hostname === '::' ? 'localhost' : options.hostname;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ url, port, baseUrl: runtime.config.baseUrl }, `Commun est à l'écoute sur ${url}`);

  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, 'Second signal : arrêt immédiat, sans attendre les requêtes en cours.');
      exit(1);
      return;
    }
    logger.info({ signal, inFlight: active }, 'Arrêt demandé : fin des requêtes en cours…');
    close().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "Erreur pendant l'arrêt");
        exit(1);
      },
    );
  };
  const removeSignalHandlers = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  if (options.handleSignals ?? true) for (const signal of SIGNALS) process.on(signal, onSignal);

  async function shutdown(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Connections kept alive between requests hold the server open: close them as soon as they
    // are idle, and those with a request in progress once their response is sent.
    server.closeIdleConnections();
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), shutdownTimeoutMs);
    });
    try {
      if ((await Promise.race([closed, timedOut])) === 'timeout') {
        logger.warn({ inFlight: active, timeoutMs: shutdownTimeoutMs }, 'Délai dépassé : les requêtes encore en cours sont interrompues.');
        server.closeAllConnections();
        await closed;
      }
    } finally {
      clearInterval(sweeper);
      clearTimeout(timer);
    }
    maintenance.stop();
    backups.stop();
    // Running jobs stop at their next check and say so (« interrompu »), before the database closes.
    await jobRunnerOf(runtime).shutdown();
    try {
      await runtime.db.close();
    } finally {
      removeSignalHandlers();
    }
    logger.info('Serveur arrêté.');
  }

  function close(): Promise<void> {
    closing ??= shutdown();
    return closing;
  }

  return { port, url, inFlight: () => active, close };
}
