/**
 * What one placed widget shows, decided on the server: a web widget's sanitised text and link; a
 * server widget's content (computed as the user, under a time limit). A widget the user may not
 * see, an unknown one, or one with nothing to show is left out; a failing one says so, and only
 * that widget is affected.
 */
import type { Actor } from '../../access/actor.ts';
import { usesApplication } from '../../access/applications/index.ts';
import type { Db } from '../../db/connection.ts';
import { readAs } from '../../db/tenant-context.ts';
import type { Locale } from '../../i18n/index.ts';
import type { ServerWidget, WidgetContent } from '../../model/extensions.ts';
import type { Registry } from '../../model/registry.ts';
import { inDisabledApplication } from '../navigation/menu.ts';
import { holdsAny } from '../navigation/permissions.ts';
import { sanitizeRichText } from '../screens/shared/sanitize.ts';
import type { Placement } from './placements.ts';
import { safeLink } from './safe-link.ts';

/** A server widget that takes longer than this is shown as failed. */
export const WIDGET_TIME_LIMIT_MS = 5000;

export type ShownContent = Exclude<WidgetContent, { kind: 'empty' }>;

export type WidgetView =
  | { readonly kind: 'web'; readonly html: string; readonly link: string | undefined }
  | { readonly kind: 'server'; readonly content: ShownContent }
  | { readonly kind: 'failed' };

export interface WidgetEnvironment {
  readonly registry: Registry;
  readonly db: Db;
  readonly actor: Actor;
  readonly locale: Locale;
  readonly timeLimitMs?: number;
  /** An unknown widget or type: a configuration to fix (a warning). */
  readonly onUnknown: (placement: Placement) => void;
  /** A server widget that failed or took too long. */
  readonly onFailure: (placement: Placement, error: unknown) => void;
}

class WidgetTimeout extends Error {
  constructor(id: string, limit: number) {
    super(`widget ${id}: no content after ${limit} ms`);
  }
}

async function withinLimit<T>(work: Promise<T>, id: string, limit: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WidgetTimeout(id, limit)), limit);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function serverContent(widget: ServerWidget, placement: Placement, environment: WidgetEnvironment): Promise<WidgetView | undefined> {
  const { actor, db, locale } = environment;
  try {
    const content = await withinLimit(
      Promise.resolve().then(() => widget.render({ actor, locale, read: (work) => readAs(db, actor, work) })),
      widget.id,
      environment.timeLimitMs ?? WIDGET_TIME_LIMIT_MS,
    );
    return content.kind === 'empty' ? undefined : { kind: 'server', content };
  } catch (error) {
    environment.onFailure(placement, error);
    return { kind: 'failed' };
  }
}

/** `<app>.<name>` → `<app>`. */
const applicationOfWidget = (id: string) => id.split('.', 1)[0] ?? id;

/**
 * The widget's view, or `undefined` when it is not shown to this user: a widget of an application
 * their working collectivité does not use (a server widget of it, a web widget linking into it)
 * is left out like one they may not see.
 */
export async function widgetView(placement: Placement, environment: WidgetEnvironment): Promise<WidgetView | undefined> {
  const { widget } = placement;
  if (widget.type === 'web') {
    const link = safeLink(widget.lien);
    if (link !== undefined && inDisabledApplication(environment.actor, link)) return undefined;
    return { kind: 'web', html: sanitizeRichText(widget.texte), link };
  }
  if (widget.type === 'file') {
    const server = environment.registry.widget(widget.lien.trim());
    if (!server) {
      environment.onUnknown(placement);
      return undefined;
    }
    if (!usesApplication(environment.actor, applicationOfWidget(server.id)) || !holdsAny(environment.actor, server.permissions)) return undefined;
    return serverContent(server, placement, environment);
  }
  environment.onUnknown(placement);
  return undefined;
}
