/**
 * « Reprendre les bureaux des listes électorales » on a scrutin, when « Élections » is served too
 * (`Application.connect`): the collectivité's bureaux of that application (same code) become or
 * update the bureaux composed here. Otherwise the action is not offered and the bureaux are typed in.
 */
import { sql } from 'kysely';
import { allows } from '../../../../framework/src/access/permissions.ts';
import { Veto, type CustomAction, type ObjectOverride } from '../../../../framework/src/model/override.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';

const nombre = new Intl.NumberFormat('fr-FR');

export const reprendreBureauxAction: CustomAction = {
  label: 'Reprendre les bureaux des listes électorales',
  permissionSuffix: 'modifier',
  order: 20,
  run: async ({ actor, trx, record }) => {
    if (!allows(actor, 'scrutin.bureau', 'ajouter') || !allows(actor, 'scrutin.bureau', 'modifier')) {
      throw new Veto('Reprendre les bureaux demande le droit d’ajouter et de modifier les bureaux de vote.');
    }
    const result = await sql`insert into scrutin.bureau (code, libelle, adresse, om_collectivite)
      select b.code, b.libelle, b.adresse, b.om_collectivite from elections.bureau b
       where b.om_collectivite = ${Number(record['om_collectivite'])}
       order by b.bureau
      on conflict (code, om_collectivite) do update set libelle = excluded.libelle, adresse = excluded.adresse`.execute(trx);
    const bureaux = Number(result.numAffectedRows ?? 0);
    if (bureaux === 0) throw new Veto('La collectivité n’a aucun bureau de vote dans les listes électorales : créez-les dans « Élections › Bureaux de vote ».');
    return { message: bureaux === 1 ? '1 bureau repris des listes électorales.' : `${nombre.format(bureaux)} bureaux repris des listes électorales.` };
  },
};

export const avecBureauxDesElections = (override: ObjectOverride): ObjectOverride => ({
  ...override,
  actions: { ...override.actions, reprendre_bureaux: reprendreBureauxAction },
});

export function connecterElections(registry: Registry): void {
  if (!registry.get('elections', 'bureau')) return;
  const scrutin = registry.get('scrutin', 'scrutin');
  if (scrutin) registry.register(scrutin.meta, avecBureauxDesElections(scrutin.override));
}
