/**
 * The sub-form tabs under a record (consulter, modifier): one tab per child table the user may
 * list, following the WAI-ARIA tabs pattern. Each tab is a link to the tab's page (it works
 * without script) that htmx loads into the panel instead; the first tab (or `?onglet=`) is
 * rendered with the page. Inside the panel, links and forms are boosted by htmx into the panel
 * (the listing's rows and « Ajouter », the child's forms), so that everything happens in place. While the record is being created, the tabs are shown disabled with the
 * reason.
 */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Row } from '../../../db/connection.ts';
import type { RegisteredObject } from '../../../model/registry.ts';
import type { AppEnv } from '../../env.ts';
import { translatorOf } from '../../locale.ts';
import { actorOf, subListUrl } from '../shared/index.ts';
import { listingView } from '../listing/index.ts';
import { mayWrite } from '../form/permissions.ts';
import { visibleSubForms, type SubForm } from './children.ts';
import { PANEL_ID } from './ids.ts';

export const TAB_PARAM = 'onglet';
const tabId = (subForm: SubForm) => `onglet-${subForm.slug}`;

function DisabledTabs(props: { subForms: readonly SubForm[]; note: string; heading: string }) {
  return (
    <section class="sous-formulaires" aria-labelledby="sous-formulaires-titre">
      <h2 id="sous-formulaires-titre">{props.heading}</h2>
      <ul class="onglets onglets-inactifs">
        {props.subForms.map((subForm) => (
          <li>
            <span class="onglet-inactif">{subForm.title}</span>
          </li>
        ))}
      </ul>
      <p class="onglets-indisponibles">{props.note}</p>
    </section>
  );
}

/** The tabs and the selected tab's panel; null when the object has no sub-form for this user. */
export async function subFormSection(c: Context<AppEnv>, parent: RegisteredObject, record: Row | undefined): Promise<Child> {
  const actor = actorOf(c);
  const tr = translatorOf(c);
  const subForms = visibleSubForms(c.get('runtime').registry, parent, actor);
  if (subForms.length === 0) return null;
  const heading = tr('subform.heading');
  if (!record) {
    return <DisabledTabs subForms={subForms} heading={heading} note={tr('subform.disabledWhileCreating', { titles: subForms.map((subForm) => subForm.title).join(', ') })} />;
  }
  const parentId = record[parent.meta.key ?? ''];
  const selected = subForms.find((subForm) => subForm.slug === c.req.query(TAB_PARAM)) ?? (subForms[0] as SubForm);
  const baseUrl = subListUrl(parent, parentId, selected.child);
  const parentKey = record[selected.parentColumn];
  const panel = await listingView(c, selected.child, new URLSearchParams(), {
    baseUrl,
    fixed: { [selected.column]: String(parentKey) },
    target: `#${PANEL_ID}`,
    rowHref: (id) => `${baseUrl}/${encodeURIComponent(id)}`,
    addHref: mayWrite(selected.child, actor, 'ajouter') ? `${baseUrl}/new` : null,
    compact: true,
  });
  return (
    <section class="sous-formulaires" aria-labelledby="sous-formulaires-titre">
      <h2 id="sous-formulaires-titre">{heading}</h2>
      <ul class="onglets" role="tablist" aria-labelledby="sous-formulaires-titre">
        {subForms.map((subForm) => {
          const href = subListUrl(parent, parentId, subForm.child);
          const isSelected = subForm === selected;
          return (
            <li role="presentation">
              <a
                role="tab"
                id={tabId(subForm)}
                href={href}
                hx-get={href}
                hx-target={`#${PANEL_ID}`}
                aria-controls={PANEL_ID}
                aria-selected={isSelected ? 'true' : 'false'}
                tabindex={isSelected ? 0 : -1}
              >
                {subForm.title}
              </a>
            </li>
          );
        })}
      </ul>
      <div
        id={PANEL_ID}
        class="panneau-onglet"
        role="tabpanel"
        aria-labelledby={tabId(selected)}
        tabindex={0}
        hx-boost="true"
        hx-target={`#${PANEL_ID}`}
        hx-swap="innerHTML"
        hx-push-url="false"
      >
        <h3 class="titre-panneau">{selected.title}</h3>
        {panel}
      </div>
    </section>
  );
}
