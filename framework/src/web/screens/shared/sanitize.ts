/**
 * Rich text as users may write it (dashboard widgets, rich-text fields): a small set of tags and
 * attributes, links only to http(s), mailto, tel or the same site; no script, style, event
 * handler or `style` attribute (the Content-Security-Policy would refuse them anyway).
 */
import sanitize from 'sanitize-html';

const OPTIONS: sanitize.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'a', 'h2', 'h3', 'h4', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div', 'hr'],
  allowedAttributes: { a: ['href', 'title'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    // An external link opens as the user chooses; never give the opened page a handle on ours.
    a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};

/** The HTML with everything outside the allow-list removed (its text kept). */
export function sanitizeRichText(html: string): string {
  return sanitize(html, { ...OPTIONS, allowedAttributes: { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel'] } });
}
