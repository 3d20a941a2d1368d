import type { Logger } from 'pino';
import type { Application } from './application.ts';
import type { RuntimeConfig } from './config/index.ts';
import type { Database } from './db/connection.ts';
import type { Registry } from './model/registry.ts';

export interface MailAttachment {
  /** The name the recipient sees (`convocation-12.pdf`). */
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: readonly MailAttachment[];
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Everything a request handler or a command needs, built once at start-up. */
export interface Runtime {
  readonly config: RuntimeConfig;
  /** Connected as the application role: row-level security applies. */
  readonly db: Database;
  readonly registry: Registry;
  readonly logger: Logger;
  readonly mailer: Mailer;
  /** The applications the instance serves (absent: none, or a runtime built for a test). */
  readonly applications?: readonly Application[];
}
