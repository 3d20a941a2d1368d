/**
 * The page « Export › Éditions »: one table per application, headed by its title, each PDF
 * listing linked; laid out as the listings are (scrollable region, striped table).
 */
import type { Translate } from '../../i18n/index.ts';
import type { EditionGroup } from './available.ts';
import { listingPdfUrl } from './paths.ts';

export function EditionsView(props: { tr: Translate; groups: readonly EditionGroup[] }) {
  const { tr, groups } = props;
  return (
    <div class="editions">
      <p>{tr('documents.editions.intro')}</p>
      {groups.length === 0 && <p>{tr('documents.editions.none')}</p>}
      {groups.map((group) => (
        <section aria-labelledby={`editions-${group.app}`}>
          <h2 id={`editions-${group.app}`}>{group.title}</h2>
          <div class="listing-defilement" role="region" aria-labelledby={`editions-${group.app}`} tabindex={0}>
            <table class="listing-tableau">
              <caption class="visuellement-cache">{tr('documents.editions.caption', { app: group.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr('documents.editions.edition')}</th>
                  <th scope="col">{tr('documents.editions.orientation')}</th>
                </tr>
              </thead>
              <tbody>
                {group.specs.map((spec) => (
                  <tr>
                    <th scope="row">
                      <a href={listingPdfUrl(spec.app, spec.table)} download>
                        {spec.title} <span class="visuellement-cache">{tr('documents.editions.pdf')}</span>
                      </a>
                    </th>
                    <td>{tr(spec.orientation === 'portrait' ? 'documents.editions.portrait' : 'documents.editions.landscape')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
