/**
 * Options du générateur de l’application « Composition des bureaux » : `commun gen --app apps/scrutin` les lit.
 */
import { defineGenerator } from '../../framework/src/generator/options.ts';

export default defineGenerator({
  name: 'scrutin',
  title: 'Composition des bureaux',
  schema: 'scrutin',
  migrations: './migrations',
  // Libellés à corriger quand ni le commentaire d’une colonne ni son nom ne donnent le bon :
  // labels: { ma_table: 'Mon libellé', 'ma_table.ma_colonne': 'Autre libellé' },
});
