/** The small town of the découpage tests (test/decoupage.test.ts, e2e/elections-decoupage.test.ts). */

/** Libreville: bureaux B1, B2, B3; voies Rue A (split), Rue B (a gap at 23 and an overlap left by older data), Impasse C (no split). */
export const DECOUPAGE_SQL = `
insert into elections.bureau (bureau, code, libelle, om_collectivite) values (1, 'B1', 'Mairie', 1), (2, 'B2', 'École', 1), (3, 'B3', 'Gymnase', 1), (9, 'A1', 'Salle', 3);
insert into elections.voie (voie, code, libelle, om_collectivite) values
  (1, 'V1', 'Rue A', 1), (2, 'V2', 'Rue B', 1), (3, 'V3', 'Impasse C', 1), (4, 'V4', 'Rue de la République', 1), (9, 'W1', 'Route d’Autreville', 3);
insert into elections.decoupage (voie, bureau, premier_impair, dernier_impair, premier_pair, dernier_pair, om_collectivite) values
  (1, 1, 1, 99, 0, 50, 1), (1, 2, null, null, 52, 200, 1),
  (2, 2, 1, 21, null, null, 1), (2, 2, 25, 99, null, null, 1), (2, 1, 91, 101, null, null, 1);
insert into elections.electeur (electeur, liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, libelle_lieu_naissance,
    nationalite, voie, numero, bureau, bureau_force, motif_bureau_force, om_collectivite) values
  (1, 'LP', 'Mme', 'F', 'Un', 'Anne', '1980-01-01', 'etranger', '99134', 'Madrid', 'FRA', 1, 3, 1, false, null, 1),
  (2, 'LP', 'M.', 'M', 'Deux', 'Bruno', '1980-01-02', 'etranger', '99134', 'Madrid', 'FRA', 1, 60, 1, false, null, 1),
  (3, 'LP', 'Mme', 'F', 'Trois', 'Claire', '1980-01-03', 'etranger', '99134', 'Madrid', 'FRA', 1, 60, 1, true, 'Personne à mobilité réduite', 1),
  (4, 'LP', 'M.', 'M', 'Quatre', 'Denis', '1980-01-04', 'etranger', '99134', 'Madrid', 'FRA', 2, 23, 1, false, null, 1),
  (5, 'LP', 'Mme', 'F', 'Cinq', 'Eve', '1980-01-05', 'etranger', '99134', 'Madrid', 'FRA', 3, 5, 2, false, null, 1),
  (6, 'LP', 'M.', 'M', 'Six', 'Fabien', '1980-01-06', 'etranger', '99134', 'Madrid', 'FRA', 2, 5, null, false, null, 1),
  (9, 'LP', 'M.', 'M', 'Neuf', 'Gil', '1980-01-09', 'etranger', '99134', 'Madrid', 'FRA', 9, 1, 9, false, null, 3);
`;

export const SEQUENCES_SQL = ['bureau', 'voie', 'decoupage', 'electeur']
  .map((table) => `select setval(pg_get_serial_sequence('elections.${table}', '${table}'), (select max(${table}) from elections.${table}));`)
  .join('\n');

