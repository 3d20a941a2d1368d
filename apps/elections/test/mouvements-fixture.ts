/**
 * Libreville's découpage for the movement tests: rue de la République all in bureau 001, avenue
 * Foch split (odd 1–49 in 001, odd 51–199 and even 2–200 in 002), impasse des Lilas in no range;
 * one elector (Zola, born in Madrid, rue de la République) and the municipal elections of PREMIER_TOUR.
 */
export const PREMIER_TOUR = '2027-03-14';

export const FIXTURE_SQL = `
insert into elections.bureau (code, libelle, om_collectivite) values ('001', 'Hôtel de ville', 1), ('002', 'École Jules-Ferry', 1);
insert into elections.voie (code, libelle, code_postal, ville, om_collectivite) values
  ('V001', 'Rue de la République', '00100', 'Libreville', 1),
  ('V002', 'Avenue Foch', '00100', 'Libreville', 1),
  ('V003', 'Impasse des Lilas', '00100', 'Libreville', 1);
insert into elections.decoupage (voie, bureau, premier_impair, dernier_impair, premier_pair, dernier_pair, om_collectivite)
select v.voie, b.bureau, d.pi, d.di, d.pp, d.dp, 1
  from (values ('V001', '001', 1, 99, 2, 98), ('V002', '001', 1, 49, null, null), ('V002', '002', 51, 199, 2, 200))
       as d (voie, bureau, pi, di, pp, dp)
  join elections.voie v on v.code = d.voie and v.om_collectivite = 1
  join elections.bureau b on b.code = d.bureau and b.om_collectivite = 1;
insert into elections.scrutin (libelle, type, date_tour1, om_collectivite) values ('Municipales 2027', 'municipales', '${PREMIER_TOUR}', 1);
insert into elections.electeur (liste, civilite, sexe, nom, prenoms, date_naissance, naissance_lieu, pays_naissance, libelle_lieu_naissance, nationalite, voie, numero, bureau, om_collectivite)
select 'LP', 'M.', 'M', 'Zola', 'Émile', '1940-04-02', 'etranger', '99134', 'Madrid', 'FRA', voie, 10, (select bureau from elections.bureau where code = '001' and om_collectivite = 1), 1
  from elections.voie where code = 'V001' and om_collectivite = 1;
`;
