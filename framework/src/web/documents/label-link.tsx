/**
 * A listing's « Étiquettes » link, and a folded form to start further on a sheet already partly
 * used (`depart`), which carries the same search.
 */
import type { Translate } from '../../i18n/index.ts';
import type { PrintLink } from './listing-print.ts';

export function LabelPrintLink(props: { link: PrintLink; id: string; tr: Translate }) {
  const { link, id, tr } = props;
  const action = link.href.split('?')[0] ?? link.href;
  return (
    <li class="listing-etiquettes">
      <a href={link.href} type="application/pdf" title={tr('labels.print.linkTitle', { document: link.libelle })}>
        {tr('labels.print.link', { document: link.libelle })}
      </a>
      {link.places !== undefined && link.places > 1 ? (
        <details>
          <summary>{tr('labels.print.startFurther')}</summary>
          <form method="get" action={action} hx-boost="false">
            {(link.search ?? []).map(([name, value]) => (
              <input type="hidden" name={name} value={value} />
            ))}
            <label for={id}>{tr('labels.print.start', { max: link.places })}</label>{' '}
            <input type="number" id={id} name="depart" min="1" max={String(link.places)} value="1" required />{' '}
            <button type="submit">{tr('labels.print.startSubmit')}</button>
          </form>
        </details>
      ) : null}
    </li>
  );
}
