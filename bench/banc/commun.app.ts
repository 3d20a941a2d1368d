/** What `commun gen --app bench/banc` reads: the benchmark application's schema. */
import { defineGenerator } from '../../framework/src/generator/options.ts';

export default defineGenerator({
  name: 'banc',
  schema: 'banc',
  migrations: './migrations',
  labels: {
    commune: 'Commune',
    categorie: 'Catégorie',
    inscrit: 'Inscrit',
    'inscrit.numero': 'Numéro',
    'inscrit.date_naissance': 'Date de naissance',
  },
});
