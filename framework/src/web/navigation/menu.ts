/**
 * The main menu of a signed-in user, computed per request from the registry and the actor's
 * permissions (no database read): the objects' listings by rubrique (`screens.menu`, default
 * `application`; `false`: no entry) and the entries applications declare (`addMenuEntry`).
 * An entry is shown only when its permission is held and its application is used by the working
 * collectivité; a rubrique without any entry is hidden.
 */
import type { Actor } from '../../access/actor.ts';
import { applicationOfPath, usesApplication } from '../../access/applications/index.ts';
import { can } from '../../access/permissions.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import { RUBRIQUES, type Rubrique } from '../../model/override.ts';
import type { Registry } from '../../model/registry.ts';
import { listUrl } from '../screens/shared/urls.ts';
import { menuLabelOf, rubriqueOf } from '../screens/shared/rubrique.ts';
import { holdsAny } from './permissions.ts';

export interface MenuLink {
  readonly label: string;
  readonly href: string;
  /** The page shown is this entry's (or under it): `aria-current="page"`. */
  readonly current: boolean;
}

/** Links under a category heading (« Gestion des utilisateurs »), or without one. */
export interface MenuGroup {
  readonly category: string | undefined;
  readonly links: readonly MenuLink[];
}

export interface MenuRubrique {
  readonly id: Rubrique;
  readonly label: string;
  /** Unfolded: it holds the current entry (or, when none does, it is the first rubrique). */
  readonly open: boolean;
  readonly groups: readonly MenuGroup[];
}

export interface MenuView {
  readonly rubriques: readonly MenuRubrique[];
}

interface Candidate {
  readonly rubrique: Rubrique;
  readonly category: string | undefined;
  readonly order: number;
  readonly label: string;
  readonly href: string;
}

const DEFAULT_ORDER = 100;

function objectEntries(registry: Registry, actor: Actor): Candidate[] {
  const entries: Candidate[] = [];
  for (const object of registry.all()) {
    const placement = object.override.screens?.menu;
    if (placement === false || !usesApplication(actor, object.app) || !can(actor, object, 'tab')) continue;
    entries.push({
      rubrique: rubriqueOf(object),
      category: placement?.category,
      order: placement?.order ?? DEFAULT_ORDER,
      label: menuLabelOf(object),
      href: listUrl(object),
    });
  }
  return entries;
}

/** An address of an application the working collectivité does not use (`/elections/…`, `/import/elections/…`). */
export function inDisabledApplication(actor: Actor, href: string): boolean {
  const disabled = actor.disabledApplications;
  return disabled !== undefined && disabled.size > 0 && applicationOfPath(href, disabled) !== undefined;
}

function declaredEntries(registry: Registry, actor: Actor): Candidate[] {
  return registry
    .menuEntries()
    .filter((entry) => holdsAny(actor, entry.permissions) && !inDisabledApplication(actor, entry.href))
    .map((entry) => ({ rubrique: entry.rubrique, category: entry.category, order: entry.order ?? DEFAULT_ORDER, label: entry.label, href: entry.href }));
}

/** Whether `path` is the entry's page or a page under it (`/om/om_droit/3/edit` is under `/om/om_droit`). */
function isUnder(path: string, href: string): boolean {
  const base = href.split(/[?#]/, 1)[0] ?? '';
  if (base === '' || base === '/') return path === '/';
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/** The entry the page belongs to: the longest matching address, so only one entry is current. */
function currentHref(entries: readonly Candidate[], path: string): string | undefined {
  let best: string | undefined;
  for (const entry of entries) {
    if (isUnder(path, entry.href) && (best === undefined || entry.href.length > best.length)) best = entry.href;
  }
  return best;
}

const collators = new Map<Locale, Intl.Collator>();
function collatorOf(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

/** Groups of one rubrique: each ordered by (order, label); the groups by their first entry, then by heading. */
function groupsOf(entries: readonly Candidate[], current: string | undefined, collator: Intl.Collator): MenuGroup[] {
  const byOrder = (a: Candidate, b: Candidate) => a.order - b.order || collator.compare(a.label, b.label);
  const groups = new Map<string, Candidate[]>();
  for (const entry of [...entries].sort(byOrder)) {
    const key = entry.category ?? '';
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.entries()]
    .sort(([nameA, a], [nameB, b]) => (a[0] as Candidate).order - (b[0] as Candidate).order || (nameA === '' ? -1 : nameB === '' ? 1 : collator.compare(nameA, nameB)))
    .map(([name, links]) => ({
      category: name === '' ? undefined : name,
      links: links.map((entry) => ({ label: entry.label, href: entry.href, current: entry.href === current })),
    }));
}

export function buildMenu(registry: Registry, actor: Actor, path: string, locale: Locale): MenuView {
  const tr = translator(locale);
  const entries = [...objectEntries(registry, actor), ...declaredEntries(registry, actor)];
  const current = currentHref(entries, path);
  const collator = collatorOf(locale);
  const rubriques = RUBRIQUES.flatMap((rubrique) => {
    const own = entries.filter((entry) => entry.rubrique === rubrique);
    if (own.length === 0) return [];
    return [{ id: rubrique, label: tr(`layout.rubriques.${rubrique}`), holdsCurrent: own.some((entry) => entry.href === current), groups: groupsOf(own, current, collator) }];
  });
  const anyCurrent = rubriques.some((rubrique) => rubrique.holdsCurrent);
  return {
    rubriques: rubriques.map((rubrique, index) => ({
      id: rubrique.id,
      label: rubrique.label,
      open: rubrique.holdsCurrent || (!anyCurrent && index === 0),
      groups: rubrique.groups,
    })),
  };
}
