/**
 * Part of « Cimetière » about funeral operations, their letters and the fin de concession: the
 * document sources and the menu entries of the operations by état. The objects' behaviour is in
 * src/objects/{operation,operation_defunt,courrier,fin_concession,…}.ts.
 */
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { finConcessionSource } from '../fin-concession/source.ts';
import { menuOperations } from './menu.ts';
import { courrierSource, operationSource } from './sources.ts';

const LIRE_OPERATIONS = ['cimetiere.operation', 'cimetiere.operation_tab'];

export function registerOperations(registry: Registry): void {
  registry.documentSources.add(operationSource);
  registry.documentSources.add(courrierSource);
  registry.documentSources.add(finConcessionSource);
  const operationsParEtat = [
    { etat: 'actif', label: 'Opérations en cours' },
    { etat: 'traite', label: 'Opérations traitées' },
  ];
  operationsParEtat.forEach(({ etat, label }, index) => {
    const placement = menuOperations(1 + index, label);
    registry.addMenuEntry({
      rubrique: placement.rubrique, category: placement.category ?? '', order: placement.order ?? 0, label,
      href: `/cimetiere/operation?filter%5Betat%5D=${etat}`, permissions: LIRE_OPERATIONS,
    });
  });
}

export { finDeConcession } from '../fin-concession/action.ts';
/** For the demonstration data and other treatments: the same rules and effects as the actions. */
export { validerOperation } from './valider.ts';
export { annulerOperation } from './annuler.ts';
export { terminerConcession } from '../fin-concession/terminer.ts';
