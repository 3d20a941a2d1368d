import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { RuntimeConfig } from '../config/index.ts';
import type { MailMessage, Mailer } from '../runtime.ts';

/**
 * The mailer: SMTP through nodemailer when `config.smtp` is set. Without SMTP the message is
 * written to the log instead (an administrator can still read a reset link there), and nothing
 * fails. With SMTP, a delivery error rejects: the caller decides whether to log it or to tell.
 */
export function createMailer(config: RuntimeConfig, logger: Logger): Mailer {
  const smtp = config.smtp;
  if (!smtp) {
    return {
      async send(message: MailMessage) {
        const attachments = message.attachments?.map((attachment) => attachment.filename);
        logger.info({ mail: { to: message.to, subject: message.subject, text: message.text, attachments } }, 'message non envoyé : aucun serveur SMTP configuré');
      },
    };
  }
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message: MailMessage) {
      await transport.sendMail({
        from: smtp.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.attachments?.length ? { attachments: message.attachments.map((attachment) => ({ ...attachment })) } : {}),
      });
      logger.info({ mail: { to: message.to, subject: message.subject, attachments: message.attachments?.length ?? 0 } }, 'message envoyé');
    },
  };
}
