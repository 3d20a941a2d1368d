/**
 * The consult page's list of the documents that print this record: the active états and lettres
 * types of the user's collectivité (else the niveau-2's) attached to its object (`objet` =
 * `<app>.<table>`) that apply to it (the override's `documents.available`), shown to a user who may
 * print (`edition`); a lettre type can also be sent by e-mail.
 */
import type { Actor } from '../../access/actor.ts';
import { holds } from '../../access/permissions.ts';
import type { Database, Row } from '../../db/connection.ts';
import { documentsOf } from '../../documents/render/definition.ts';
import { translator, type Locale } from '../../i18n/index.ts';
import type { RegisteredObject } from '../../model/registry.ts';
import { EDITION_PERMISSION as PRINT_PERMISSION } from '../editions/menu.ts';
import { documentApplies } from './applies.ts';
import { mailPath } from './mail-routes.tsx';

/** `canMail`: a mail server is configured, so lettres types offer « Envoyer par courriel ». */
export async function recordDocuments(db: Database, actor: Actor, object: RegisteredObject, record: Row, locale: Locale, canMail = false) {
  const key = record[object.meta.key ?? ''];
  if (!holds(actor, PRINT_PERMISSION) || (typeof key !== 'string' && typeof key !== 'number')) return null;
  const documents = (await documentsOf(db, actor, `${object.app}.${object.name}`)).filter((document) => documentApplies(object, record, document));
  if (documents.length === 0) return null;
  const tr = translator(locale);
  const base = `/${object.app}/${object.name}/${encodeURIComponent(String(key))}/pdf`;
  return (
    <section class="documents-enregistrement" aria-labelledby="documents-enregistrement-titre">
      <h2 id="documents-enregistrement-titre">{tr('documents.print.heading')}</h2>
      <ul>
        {documents.map((document) => (
          <li>
            <a class="bouton bouton-secondaire" href={`${base}/${document.kind}/${encodeURIComponent(document.id)}`} type="application/pdf">
              <span class="visuellement-cache">{tr(`documents.print.${document.kind}`)} : </span>
              {document.libelle} {tr('documents.editions.pdf')}
            </a>
            {canMail && document.kind === 'lettretype' ? (
              <>
                {' '}
                <a class="bouton bouton-secondaire" href={mailPath(object, key, document.id)}>
                  {tr('documents.mail.link')}
                  <span class="visuellement-cache"> : {document.libelle}</span>
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
