/** The listing's table: sortable headers, one row per record (its first cell links to it), row actions. */
import type { Row } from '../../../db/connection.ts';
import type { ListResult } from '../../../records/read.ts';
import { isFileId } from '../../../files/index.ts';
import { actionUrl, fileUrl } from '../shared/index.ts';
import { cellText, mailto, type ListColumn } from './columns.ts';
import { navigation, returnQuery, type ListingModel } from './model.ts';
import { changed, nextSort } from './state.ts';

function SortHeader(props: { model: ListingModel; column: ListColumn }) {
  const { model, column } = props;
  const { tr, state } = model;
  const className = column.numeric ? 'nombre' : undefined;
  if (!column.sortable) {
    return (
      <th scope="col" class={className}>
        {column.label}
      </th>
    );
  }
  const current = state.sort?.field === column.field.name ? state.sort : undefined;
  const next = nextSort(state, column.field.name);
  const link = navigation(model, changed(state, { sort: next }));
  const ariaSort = current ? { 'aria-sort': current.descending ? 'descending' : 'ascending' } : {};
  const action = next === null ? 'listing.sort.toNone' : next.startsWith('-') ? 'listing.sort.toDescending' : 'listing.sort.toAscending';
  return (
    <th scope="col" class={className} {...ariaSort}>
      <a href={link.href} id={`${model.ids.root}-tri-${column.field.name}`} class="listing-tri" {...link.attributes}>
        {column.label}
        {current ? (
          <span class="listing-fleche" aria-hidden="true">
            {current.descending ? ' ▼' : ' ▲'}
          </span>
        ) : null}
        <span class="visuellement-cache"> ({tr(action)})</span>
      </a>
    </th>
  );
}

function Cell(props: { model: ListingModel; column: ListColumn; row: Row; href: string | undefined; id: string; first: boolean }) {
  const { model, column, row, href, id } = props;
  const text = cellText(column, row, model.locale);
  const className = column.numeric ? 'nombre' : undefined;
  let content: unknown = text;
  if (column.image) {
    const value = row[column.field.name];
    content = isFileId(value) ? <img src={fileUrl(model.object, id, column.field.name)} alt={model.tr('files.previewAlt', { label: column.label })} class="vignette" /> : '';
  } else if (props.first && href) {
    content = (
      <a href={href} class="listing-lien">
        {text === '' ? <span class="visuellement-cache">{model.tr('listing.open', { id })}</span> : text}
      </a>
    );
  } else {
    const address = mailto(column, row);
    if (address) content = <a href={address}>{text}</a>;
  }
  return props.first ? (
    <th scope="row" class={className}>
      {content}
    </th>
  ) : (
    <td class={className}>{content}</td>
  );
}

function RowActions(props: { model: ListingModel; row: Row; id: string }) {
  const { model, row, id } = props;
  const available = model.rowActions.filter(([, action]) => {
    try {
      return action.condition ? action.condition(row, model.actor) : true;
    } catch {
      return false;
    }
  });
  return (
    <td class="listing-actions">
      {available.length > 0 ? (
        <ul>
          {available.map(([name, action]) => (
            <li>
              <a href={`${actionUrl(model.object, id, name)}?${returnQuery(model.currentUrl)}`} aria-label={model.tr('listing.rowAction', { action: action.label, id })}>
                {action.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </td>
  );
}

export function Table(props: { model: ListingModel; result: ListResult }) {
  const { model, result } = props;
  const key = model.object.meta.key;
  const withActions = model.rowActions.length > 0 && key !== null;
  const captionId = `${model.ids.root}-legende`;
  return (
    <div class="listing-defilement" role="region" aria-labelledby={captionId} tabindex={0}>
      <table class="listing-tableau">
        <caption id={captionId}>{model.tr('listing.caption', { label: model.object.meta.label })}</caption>
        <thead>
          <tr>
            {model.columns.map((column) => (
              <SortHeader model={model} column={column} />
            ))}
            {withActions ? <th scope="col">{model.tr('listing.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => {
            const id = key === null ? '' : String(row[key] ?? '');
            const href = key !== null && model.rowHref ? model.rowHref(id) : undefined;
            return (
              <tr class={href ? 'listing-ligne-cliquable' : undefined}>
                {model.columns.map((column, index) => (
                  <Cell model={model} column={column} row={row} href={href} id={id} first={index === 0} />
                ))}
                {withActions ? <RowActions model={model} row={row} id={id} /> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
