/**
 * The fixture of the documents and export tests: Libreville's municipales (7 seats, 2 communautaires,
 * INSEE 13004), 3 bureaux, 3 lists of 7 candidates; bureaux 001 and 002 validated, 003 only entered
 * (its figures, 613 votants, must never be counted). A présidentielle without INSEE code, a
 * législatives with no validated bureau, and an election of Autreville.
 *
 * Validated totals: 1 800 inscrits, 1 200 votants, 16 blancs, 9 nuls, 1 175 exprimés;
 * Libreville Avenir 650 (55,32 %), Agir pour Libreville 360 (30,64 %), Libreville Écologie 165 (14,04 %).
 */
const LISTES = [
  { candidature: 1, prefixe: 'Avenir', noms: ['Arnaud', 'Aubert', 'Allard', 'Adam', 'Andre', 'Antoine', 'Astier'] },
  { candidature: 2, prefixe: 'Agir', noms: ['Bernard', 'Blanc', 'Bonnet', 'Boyer', 'Brun', 'Barbier', 'Benoit'] },
  { candidature: 3, prefixe: 'Eco', noms: ['Chevalier', 'Clement', 'Colin', 'Caron', 'Carre', 'Collet', 'Cordier'] },
];

const candidats = LISTES.flatMap((liste) =>
  liste.noms.map(
    (nom, index) =>
      `(${liste.candidature}, ${index + 1}, '${nom}', 'Prénom${liste.prefixe}${index + 1}', '${1950 + index * 3}-01-0${(index % 9) + 1}', ${index < 3 ? index + 1 : 'null'}, 1)`,
  ),
).join(',\n  ');

export const DOCUMENTS_FIXTURE = `
insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
insert into resultats.bureau (bureau, code, libelle, om_collectivite) values
  (1, '001', 'Hôtel de ville', 1), (2, '002', 'École Jules-Ferry', 1), (3, '003', 'Gymnase', 1), (4, '001', 'Mairie d’Autreville', 3);
insert into resultats.election (election, libelle, type, date_scrutin, code_commune, sieges, sieges_communautaires, etat, om_collectivite) values
  (1, 'Municipales 2026', 'municipales', '2026-03-15', '13004', 7, 2, 'ouverte', 1),
  (2, 'Présidentielle 2027', 'presidentielle', '2027-04-11', null, null, null, 'ouverte', 1),
  (3, 'Législatives 2027', 'legislatives', '2027-06-13', '13004', null, null, 'ouverte', 1),
  (4, 'Municipales d’Autreville', 'municipales', '2026-03-15', '13005', 15, null, 'ouverte', 3);
select setval(pg_get_serial_sequence('resultats.election', 'election'), 4);
insert into resultats.candidature (candidature, election, ordre, libelle, nuance, om_collectivite) values
  (1, 1, 1, 'Libreville Avenir', 'LDVG', 1), (2, 1, 2, 'Agir pour Libreville', 'LDVD', 1), (3, 1, 3, 'Libreville Écologie', 'LECO', 1),
  (4, 2, 1, 'Jeanne Martin', null, 1), (5, 2, 2, 'Paul Durand', null, 1),
  (6, 3, 1, 'Claire Petit', null, 1), (7, 4, 1, 'Autreville Ensemble', null, 3);
select setval(pg_get_serial_sequence('resultats.candidature', 'candidature'), 7);
insert into resultats.candidat (candidature, rang, nom, prenom, date_naissance, rang_communautaire, om_collectivite) values
  ${candidats};
insert into resultats.election_bureau (election_bureau, election, bureau, inscrits, votants, blancs, nuls, exprimes, etat, saisi_le, saisi_par, valide_le, valide_par, om_collectivite) values
  (1, 1, 1, 1000, 700, 10, 5, 685, 'valide', '2026-03-15 20:05+01', 'agent', '2026-03-15 20:30+01', 'chef', 1),
  (2, 1, 2, 800, 500, 6, 4, 490, 'valide', '2026-03-15 20:10+01', 'agent', '2026-03-15 20:40+01', 'chef', 1),
  (3, 1, 3, 900, 613, 0, 0, 613, 'saisi', '2026-03-15 20:15+01', 'agent', null, null, 1),
  (4, 2, 1, 1000, 800, 0, 0, 800, 'valide', '2027-04-11 20:05+02', 'agent', '2027-04-11 20:30+02', 'chef', 1),
  (5, 3, 1, 1000, null, null, null, null, 'non_arrive', null, null, null, null, 1),
  (6, 4, 4, 500, 300, 0, 0, 300, 'valide', '2026-03-15 20:05+01', 'agent', '2026-03-15 20:30+01', 'chef', 3);
select setval(pg_get_serial_sequence('resultats.election_bureau', 'election_bureau'), 6);
insert into resultats.voix (election_bureau, candidature, nombre, om_collectivite) values
  (1, 1, 400, 1), (1, 2, 200, 1), (1, 3, 85, 1),
  (2, 1, 250, 1), (2, 2, 160, 1), (2, 3, 80, 1),
  (3, 1, 111, 1), (3, 2, 222, 1), (3, 3, 280, 1),
  (4, 4, 500, 1), (4, 5, 300, 1),
  (6, 7, 300, 3);
`;
