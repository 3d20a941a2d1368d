/**
 * The daily e-mail of pending work: a plain text (the reference) and an HTML version with every
 * value escaped, one heading per application, each item with its due date (« en retard » when
 * late) and its absolute link, « et N autres » with the list's link, and a footer with the opt-out
 * link. Addresses are made absolute here: the outbox's single `[lien]` is not enough for a list.
 */
import type { Locale } from '../i18n/index.ts';
import type { CollectedWork } from './collect.ts';
import { notificationMessage as m } from './messages.ts';
import type { PendingItem, PendingWorkSection } from './pending-work.ts';

export interface DigestMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface DigestContext {
  readonly nom: string;
  /** `YYYY-MM-DD`. */
  readonly today: string;
  /** The instance's public address (`https://commun.ville.fr`), without a trailing slash. */
  readonly baseUrl: string;
  /** The absolute one-click opt-out address. */
  readonly optOutUrl: string;
  readonly locale?: Locale | undefined;
}

/** `YYYY-MM-DD` → `JJ/MM/AAAA` (anything else is shown as given). */
export function dateFr(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** A site path made absolute; only paths of this site (`/x…`, never `//host`) are accepted. */
export function absolute(baseUrl: string, path: string): string {
  if (!/^\/(?!\/)/.test(path)) throw new Error(`chemin de travail en attente invalide : ${path}`);
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);

/** « échéance le 07/12/2026, en retard », or nothing without a due date. */
function dueText(item: PendingItem, locale: Locale | undefined): string {
  const parts = [item.due ? m('mail.due', { date: dateFr(item.due) }, locale) : '', item.late ? m('mail.late', undefined, locale) : ''].filter(Boolean);
  return parts.join(', ');
}

const hiddenCount = (section: PendingWorkSection): number => Math.max(0, section.total - section.items.length);

function textBody(work: CollectedWork, context: DigestContext): string {
  const { locale } = context;
  const lines = [m('mail.greeting', { nom: context.nom }, locale), '', m('mail.intro', { date: dateFr(context.today) }, locale)];
  for (const application of work.applications) {
    lines.push('', `== ${application.title} ==`);
    for (const section of application.sections) {
      lines.push('', `${section.title} (${section.total})`);
      for (const item of section.items) {
        const due = dueText(item, locale);
        lines.push(`- ${item.label}${due ? ` — ${due}` : ''}`, `  ${absolute(context.baseUrl, item.path)}`);
      }
      const more = hiddenCount(section);
      if (more > 0) lines.push(`  ${m('mail.others', { count: more }, locale)}${section.listPath ? ` : ${absolute(context.baseUrl, section.listPath)}` : ''}`);
    }
  }
  lines.push(
    '',
    '-- ',
    m('mail.footer', undefined, locale),
    m('mail.settings', { url: absolute(context.baseUrl, '/notifications') }, locale),
    m('mail.optOut', { url: context.optOutUrl }, locale),
  );
  return `${lines.join('\n')}\n`;
}

const link = (href: string, label: string): string => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

function htmlBody(work: CollectedWork, context: DigestContext, subject: string): string {
  const { locale } = context;
  const parts = [
    `<!DOCTYPE html><html lang="${locale ?? 'fr'}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>${escapeHtml(m('mail.greeting', { nom: context.nom }, locale))}</p>`,
    `<p>${escapeHtml(m('mail.intro', { date: dateFr(context.today) }, locale))}</p>`,
  ];
  for (const application of work.applications) {
    parts.push(`<h2>${escapeHtml(application.title)}</h2>`);
    for (const section of application.sections) {
      parts.push(`<h3>${escapeHtml(section.title)} (${section.total})</h3>`, '<ul>');
      for (const item of section.items) {
        const due = item.due ? ` — ${escapeHtml(m('mail.due', { date: dateFr(item.due) }, locale))}` : '';
        const late = item.late ? `${item.due ? ',' : ' —'} <strong>${escapeHtml(m('mail.late', undefined, locale))}</strong>` : '';
        parts.push(`<li>${link(absolute(context.baseUrl, item.path), item.label)}${due}${late}</li>`);
      }
      parts.push('</ul>');
      const more = hiddenCount(section);
      if (more > 0) {
        const label = m('mail.others', { count: more }, locale);
        parts.push(`<p>${section.listPath ? link(absolute(context.baseUrl, section.listPath), label) : escapeHtml(label)}</p>`);
      }
    }
  }
  parts.push(
    '<hr>',
    `<p>${escapeHtml(m('mail.footer', undefined, locale))}</p>`,
    `<p>${link(absolute(context.baseUrl, '/notifications'), m('mail.settingsLabel', undefined, locale))} · ${link(context.optOutUrl, m('mail.optOutLabel', undefined, locale))}</p>`,
    '</body></html>',
  );
  return parts.join('\n');
}

export function composeDigest(work: CollectedWork, context: DigestContext): DigestMail {
  const subject = m('mail.subject', { date: dateFr(context.today) }, context.locale);
  return { subject, text: textBody(work, context), html: htmlBody(work, context, subject) };
}
