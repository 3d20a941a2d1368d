/**
 * Options du générateur de l’application « Résultats électoraux » : `commun gen --app apps/resultats` les lit.
 */
import { defineGenerator } from '../../framework/src/generator/options.ts';

export default defineGenerator({
  name: 'resultats',
  title: 'Résultats électoraux',
  schema: 'resultats',
  migrations: './migrations',
  // Libellés à corriger quand ni le commentaire d’une colonne ni son nom ne donnent le bon :
  // labels: { ma_table: 'Mon libellé', 'ma_table.ma_colonne': 'Autre libellé' },
});
