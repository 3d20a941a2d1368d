import { translator, type Locale } from '../../i18n/index.ts';
import type { MenuGroup, MenuLink, MenuView } from './menu.ts';

/**
 * The main menu: a navigation landmark, one `<details>` per rubrique (unfolded on the current
 * one; the keyboard opens the others with Entrée or Espace), category headings inside. On a
 * narrow screen `navigation.js` folds the whole menu behind a « Menu » button; without the
 * script the menu stays unfolded.
 */
export const MENU_ID = 'menu';

function Link(props: { link: MenuLink }) {
  const { link } = props;
  return (
    <li>
      <a href={link.href} {...(link.current ? { 'aria-current': 'page', class: 'menu-courant' } : {})}>
        {link.label}
      </a>
    </li>
  );
}

function Group(props: { group: MenuGroup; id: string }) {
  const { group } = props;
  if (!group.category) {
    return (
      <ul class="menu-liens">
        {group.links.map((link) => <Link link={link} />)}
      </ul>
    );
  }
  return (
    <div class="menu-groupe">
      <p class="menu-categorie" id={props.id}>
        {group.category}
      </p>
      <ul class="menu-liens" aria-labelledby={props.id}>
        {group.links.map((link) => <Link link={link} />)}
      </ul>
    </div>
  );
}

export function MainMenu(props: { menu: MenuView; locale: Locale }) {
  const tr = translator(props.locale);
  return (
    <nav class="menu" id={MENU_ID} aria-label={tr('navigation.menu.label')} tabindex={-1}>
      <button type="button" class="menu-bascule" aria-expanded="false" aria-controls="menu-rubriques" hidden>
        {tr('navigation.menu.toggle')}
      </button>
      <div class="menu-rubriques" id="menu-rubriques">
        {props.menu.rubriques.map((rubrique) => (
          <details class={`rubrique rubrique-${rubrique.id}`} open={rubrique.open}>
            <summary>{rubrique.label}</summary>
            {rubrique.groups.map((group, index) => <Group group={group} id={`menu-${rubrique.id}-${index}`} />)}
          </details>
        ))}
      </div>
    </nav>
  );
}
