/**
 * The automatic letters of an operation (cimetiere.md §2.8, §5): its autorisation (printed from
 * the operation, or recorded as a courrier) and the « Information du concessionnaire » to each
 * living concessionnaire and ayant droit of the emplacement. « Préparer les courriers » records
 * them as courriers of the emplacement (printed from its Courrier tab or the operation's).
 */
import { aujourdhuiAParis } from '../core/etat.ts';
import { sql } from 'kysely';
import type { Row } from '../../../../framework/src/db/connection.ts';
import type { CustomAction, DocumentRef, DocumentsDeclaration } from '../../../../framework/src/model/override.ts';
import type { Categorie } from './libelles.ts';

/** Lettres types of the operation object (objet cimetiere.operation), by catégorie. */
export const LETTRE_OPERATION: Readonly<Record<Categorie, string>> = {
  inhumation: 'cimetiere_operation_inhumation',
  exhumation: 'cimetiere_operation_exhumation',
  reduction: 'cimetiere_operation_reduction',
  transfert: 'cimetiere_operation_transfert',
  dispersion: 'cimetiere_operation_dispersion',
};

/** The same autorisations as courriers (objet cimetiere.courrier). */
export const LETTRE_AUTORISATION: Readonly<Record<Categorie, string>> = {
  inhumation: 'cimetiere_autorisation_inhumation',
  exhumation: 'cimetiere_autorisation_exhumation',
  reduction: 'cimetiere_autorisation_reduction',
  transfert: 'cimetiere_autorisation_transfert',
  dispersion: 'cimetiere_autorisation_dispersion',
};

export const LETTRE_INFORMATION = 'cimetiere_information_concessionnaire';

/** On an operation's page: its catégorie's autorisation only. */
export const operationDocuments: DocumentsDeclaration = {
  available: (record: Row, document: DocumentRef) =>
    document.kind !== 'lettretype' || !Object.values(LETTRE_OPERATION).includes(document.id) || LETTRE_OPERATION[record.categorie as Categorie] === document.id,
  unavailableMessage: () => 'Cette autorisation ne correspond pas à la catégorie de l’opération.',
};

export const preparerCourriers: CustomAction = {
  label: 'Préparer les courriers',
  permissionSuffix: 'courriers',
  order: 30,
  condition: (record) => record.etat !== 'annule',
  unavailableMessage: () => 'Une opération annulée n’a pas de courrier.',
  run: async ({ trx, record }) => {
    const date = aujourdhuiAParis();
    const autorisation = LETTRE_AUTORISATION[record.categorie as Categorie];
    // Not twice the same letter to the same person for the same operation.
    const inserted = await sql<{ courrier: number }>`
      insert into cimetiere.courrier (emplacement, autorisation, operation, lettre_type, date_courrier, om_collectivite)
      select ${record.emplacement}, l.autorisation, ${record.operation}, l.lettre_type, ${date}::date, ${record.om_collectivite}
        from (select null::integer as autorisation, ${autorisation}::text as lettre_type, 0 as rang
              union all
              select a.autorisation, ${LETTRE_INFORMATION}, case a.nature when 'concessionnaire' then 1 else 2 end
                from cimetiere.autorisation a where a.emplacement = ${record.emplacement} and not a.decede) l
       where not exists (select from cimetiere.courrier c where c.operation = ${record.operation}
                            and c.lettre_type = l.lettre_type and c.autorisation is not distinct from l.autorisation)
       order by l.rang, l.autorisation
      returning courrier`.execute(trx);
    const n = inserted.rows.length;
    return {
      message: n === 0 ? 'Les courriers de cette opération sont déjà préparés.' : n === 1 ? '1 courrier préparé.' : `${n} courriers préparés.`,
    };
  },
};
