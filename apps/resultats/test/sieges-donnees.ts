/**
 * Two elections of collectivité 1 for the seats and analyse tests (SQL as the owner):
 * 1. municipales 2026, round 1, 29 seats of which 9 communautaires; B1 and B2 validated (A 5 200,
 *    B 3 000, C 1 500, D 300 of 10 000 exprimés: the example), B3 entered but not validated
 *    (D 2 000: must not count);
 * 2. européennes 2024: B1 validated, B2 not arrived.
 * Each list has 29 candidates « PrénomN NOM<liste>N » born 1960-01-01 + N days; A has 11
 * communautaire candidates, B 3, C 1, D 2.
 */
export const DONNEES_SIEGES_SQL = `
insert into resultats.bureau (bureau, code, libelle, om_collectivite) values
  (1, 'B1', 'Mairie', 1), (2, 'B2', 'École Jules-Ferry', 1), (3, 'B3', 'Gymnase', 1);
insert into resultats.election (election, libelle, type, date_scrutin, tour, sieges, sieges_communautaires, etat, om_collectivite) values
  (1, 'Municipales 2026', 'municipales', '2026-03-15', 1, 29, 9, 'ouverte', 1),
  (2, 'Européennes 2024', 'europeennes', '2024-06-09', 1, null, null, 'close', 1);
insert into resultats.candidature (candidature, election, ordre, libelle, nuance, om_collectivite) values
  (1, 1, 1, 'Liste A', 'LUG', 1), (2, 1, 2, 'Liste B', 'LUD', 1), (3, 1, 3, 'Liste C', 'LDVG', 1), (4, 1, 4, 'Liste D', 'LDIV', 1),
  (5, 2, 1, 'Liste X', 'LUG', 1), (6, 2, 2, 'Liste Y', 'LUD', 1);
insert into resultats.candidat (candidature, rang, nom, prenom, date_naissance, rang_communautaire, om_collectivite)
  select l.candidature, r, 'Nom' || l.lettre || r, 'Prénom' || r, date '1960-01-01' + r,
         case when r <= l.communautaires then r end, 1
    from (values (1, 'A', 11), (2, 'B', 3), (3, 'C', 1), (4, 'D', 2)) as l(candidature, lettre, communautaires), generate_series(1, 29) as r;
insert into resultats.election_bureau (election_bureau, election, bureau, inscrits, votants, blancs, nuls, exprimes, etat, om_collectivite) values
  (1, 1, 1, 9000, 6200, 100, 100, 6000, 'valide', 1),
  (2, 1, 2, 6000, 4100, 60, 40, 4000, 'valide', 1),
  (3, 1, 3, 3000, 2000, 0, 0, 2000, 'saisi', 1),
  (4, 2, 1, 9000, 4500, 90, 60, 4350, 'valide', 1),
  (5, 2, 2, 6000, null, null, null, null, 'non_arrive', 1);
insert into resultats.voix (election_bureau, candidature, nombre, om_collectivite) values
  (1, 1, 3100, 1), (1, 2, 1800, 1), (1, 3, 900, 1), (1, 4, 200, 1),
  (2, 1, 2100, 1), (2, 2, 1200, 1), (2, 3, 600, 1), (2, 4, 100, 1),
  (3, 4, 2000, 1),
  (4, 5, 1350, 1), (4, 6, 3000, 1);
`;
