/**
 * The portlet of a record's page: the actions the user may take on it (modifier, supprimer, the
 * override's custom actions by order) and « Retour » to where they came from.
 */
import type { Actor } from '../../../access/actor.ts';
import type { Row } from '../../../db/connection.ts';
import { translator, type Locale } from '../../../i18n/index.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import { actionUrl, deleteUrl, editUrl } from '../shared/index.ts';
import { availableActions, availableLinks, mayDelete, mayWrite } from './permissions.ts';
import { carried, withReturn } from './retour.ts';

export interface PortletLink {
  readonly label: string;
  readonly href: string;
  readonly kind: 'modifier' | 'supprimer' | 'action' | 'lien' | 'retour';
}

/** The links of the portlet; `urls` lets a sub-form point them into its tab (custom actions open their own page). */
export function portletLinks(
  object: RegisteredObject,
  actor: Actor,
  record: Row,
  locale: Locale,
  retour: string,
  urls: { edit: string; delete: string } = {
    edit: withReturn(editUrl(object, record[object.meta.key ?? '']), carried(object, retour)),
    delete: withReturn(deleteUrl(object, record[object.meta.key ?? '']), carried(object, retour)),
  },
): PortletLink[] {
  const tr = translator(locale);
  const key = record[object.meta.key ?? ''];
  const links: PortletLink[] = [];
  if (mayWrite(object, actor, 'modifier')) links.push({ label: tr('form.portlet.edit'), href: urls.edit, kind: 'modifier' });
  if (mayDelete(object, actor, record)) links.push({ label: tr('form.portlet.delete'), href: urls.delete, kind: 'supprimer' });
  for (const { name, action } of availableActions(object, actor, record)) {
    links.push({ label: action.label, href: withReturn(actionUrl(object, key, name), carried(object, retour)), kind: 'action' });
  }
  for (const link of availableLinks(object, actor, record)) links.push({ label: link.label, href: link.href(record), kind: 'lien' });
  links.push({ label: tr('form.portlet.back'), href: retour, kind: 'retour' });
  return links;
}

export function Portlet(props: { links: readonly PortletLink[]; locale: Locale; htmxTarget?: string | undefined }) {
  const tr = translator(props.locale);
  return (
    <nav class="portlet" aria-label={tr('form.portlet.label')}>
      <ul>
        {props.links.map((link) => (
          <li>
            <a
              class={link.kind === 'retour' ? 'bouton bouton-secondaire' : `bouton action-${link.kind}`}
              href={link.href}
              {...(props.htmxTarget ? (link.kind === 'action' || link.kind === 'lien' ? { 'hx-boost': 'false' } : { 'hx-get': link.href, 'hx-target': props.htmxTarget }) : {})}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
