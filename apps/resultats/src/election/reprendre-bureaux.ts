/**
 * The election's behaviour when « Élections » is served too: the action « Reprendre les bureaux
 * des listes électorales », and the same import when an election of the first round is created.
 */
import { allows } from '../../../../framework/src/access/permissions.ts';
import type { Locale } from '../../../../framework/src/i18n/index.ts';
import { Veto, type CustomAction, type ObjectOverride } from '../../../../framework/src/model/override.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { electionCree } from './bureaux.ts';
import { reprendreBureaux, type BureauxRepris } from './import-elections.ts';
import { bureaux, formatNombre, message } from './messages.ts';

export function compteRendu(repris: BureauxRepris, locale: Locale | undefined): string {
  const figures = { bureaux: bureaux(repris.misAJour), inscrits: formatNombre(repris.inscrits) };
  if (repris.valides === 0) return message('bureauxRepris', figures, locale);
  if (repris.valides === 1) return message('bureauxReprisUnValide', figures, locale);
  return message('bureauxReprisValides', { ...figures, valides: formatNombre(repris.valides) }, locale);
}

export const reprendreBureauxAction: CustomAction = {
  label: message('reprendreBureaux', 'fr'),
  permissionSuffix: 'modifier',
  order: 20,
  run: async ({ actor, trx, record, locale }) => {
    if (!allows(actor, 'resultats.bureau', 'ajouter') || !allows(actor, 'resultats.bureau', 'modifier')) throw new Veto(message('droitBureaux', locale));
    const repris = await reprendreBureaux(trx, electionCree(record), String(record.type));
    if (repris.bureaux === 0) throw new Veto(message('aucunBureau', locale));
    return { message: compteRendu(repris, locale) };
  },
};

/** The election override with the import from « Élections »: the action, and the import at creation. */
export function avecElections(override: ObjectOverride): ObjectOverride {
  return {
    ...override,
    actions: { ...override.actions, reprendre_bureaux: reprendreBureauxAction },
    afterWrite: async (context) => {
      await override.afterWrite?.(context);
      const { action, result, trx, warn, locale } = context;
      if (action !== 'create' || !result) return;
      const election = electionCree(result);
      if (election.premier_tour !== null) return;
      const repris = await reprendreBureaux(trx, election, String(result.type));
      if (repris.bureaux > 0) warn(compteRendu(repris, locale));
    },
  };
}

/**
 * When « Élections » is served too (`Application.connect`: once every application is registered),
 * the election object gets its import; otherwise the action is not even offered.
 */
export function registerElection(registry: Registry): void {
  if (!registry.get('elections', 'bureau')) return;
  const election = registry.get('resultats', 'election');
  if (!election) return;
  registry.register(election.meta, avecElections(election.override));
}
