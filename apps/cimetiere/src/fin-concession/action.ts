/**
 * « Fin de concession », an action of the emplacement (its portlet), for the holders of
 * `cimetiere.fin_concession_traiter`: asks the date, the ossuaire and the motif, then ends the
 * concession (terminer.ts) and opens the archive it wrote.
 */
import { sql } from 'kysely';
import { holds } from '../../../../framework/src/access/permissions.ts';
import { readAs } from '../../../../framework/src/db/tenant-context.ts';
import { Veto, type Choice, type ChoicesContext, type CustomAction } from '../../../../framework/src/model/override.ts';
import { forbidden } from '../../../../framework/src/records/errors.ts';
import { libelleEmplacementSql } from '../operations/lecture.ts';
import { lireDemande, MOTIFS } from './demande.ts';
import { terminerConcession } from './terminer.ts';

export const DROIT_FIN_CONCESSION = 'cimetiere.fin_concession_traiter';

async function ossuaires(context: ChoicesContext): Promise<readonly Choice[]> {
  const rows = await readAs(context.db, context.actor, async (db) =>
    (
      await sql<{ emplacement: number; libelle: string }>`select e.emplacement, ${libelleEmplacementSql} as libelle
          from cimetiere.emplacement e join cimetiere.voie v on v.voie = e.voie join cimetiere.zone z on z.zone = v.zone
          join cimetiere.cimetiere c on c.cimetiere = z.cimetiere
         where e.nature = 'ossuaire' order by c.libelle, z.libelle, v.libelle, e.numero`.execute(db)
    ).rows,
  );
  return rows.map((row) => ({ value: String(row.emplacement), label: row.libelle }));
}

export const finDeConcession: CustomAction = {
  label: 'Fin de concession',
  permissionSuffix: 'fin_concession',
  order: 90,
  condition: (_record, actor) => holds(actor, DROIT_FIN_CONCESSION),
  unavailableMessage: () => 'La fin de concession est réservée au responsable du cimetière.',
  inputs: [
    { name: 'date_fin', label: 'Date de fin (exhumation)', widget: 'text', required: true, help: 'JJ/MM/AAAA' },
    { name: 'ossuaire', label: 'Ossuaire recevant les restes', widget: 'select', choices: ossuaires, help: 'Obligatoire si des défunts reposent encore dans l’emplacement.' },
    { name: 'motif', label: 'Motif', widget: 'select', required: true, choices: () => Promise.resolve(MOTIFS) },
  ],
  run: async ({ trx, actor, record, input, locale }) => {
    if (!holds(actor, DROIT_FIN_CONCESSION)) throw forbidden(locale);
    const { demande, errors } = lireDemande(input);
    if (!demande) throw new Veto(Object.values(errors)[0] ?? 'Demande incomplète.', errors);
    const fin = await terminerConcession(trx, actor, record, demande);
    return {
      message: 'Fin de concession enregistrée : l’emplacement est libre, les archives sont écrites et ne changeront plus.',
      redirect: `/cimetiere/fin_concession/${fin}`,
    };
  },
};
