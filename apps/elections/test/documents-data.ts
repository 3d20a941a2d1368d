/**
 * A small Libreville for the documents' tests: two bureaux, one voie, five electors (one on the
 * LCE, one born in Algeria, numbers in the bureau not in alphabetical order), two scrutins and
 * movements inside and outside the tableau's window; one elector of Autreville (collectivité 3).
 */
export const DOCUMENTS_DATA_SQL = `
insert into elections.bureau (code, libelle, adresse, om_collectivite) values
  ('B01', 'École Jules Ferry', '1 place de l’École', 1), ('B02', 'Mairie', 'Place de la Mairie', 1), ('A01', 'Salle Autreville', null, 3);
insert into elections.voie (code, libelle, code_postal, ville, om_collectivite) values
  ('V001', 'RUE DES LILAS', '75001', 'Libreville', 1), ('A001', 'RUE AUTRE', '75002', 'Autreville', 3);
insert into elections.electeur (liste, ine, civilite, sexe, nom, nom_usage, prenoms, date_naissance, naissance_lieu, pays_naissance,
    departement_algerie, libelle_lieu_naissance, nationalite, voie, numero, complement_numero, complement, bureau, numero_liste, numero_bureau,
    date_inscription, om_collectivite)
select v.liste, v.ine, v.civilite, v.sexe, v.nom, v.nom_usage, v.prenoms, v.naissance::date, v.lieu, v.pays, v.algerie, v.ville, v.nationalite,
       (select voie from elections.voie where code = v.voie), v.numero, v.cnum, v.complement,
       (select bureau from elections.bureau where code = v.bureau), v.nliste, v.nbureau, v.inscription::date, v.collectivite
  from (values
    ('LP', null, 'M.', 'M', 'ZOLA', null, 'Émile', '1950-04-02', 'etranger', '99134', null, 'Madrid', 'FRA', 'V001', 3, null, null, 'B01', 4, 1, '2020-01-10', 1),
    ('LP', '123456789012', 'M.', 'M', 'DUPONT', 'LEROY', 'Jean', '1980-05-12', 'algerie', null, '91352', null, 'FRA', 'V001', 5, 'bis', 'Bâtiment A', 'B01', 2, 2, '2019-03-01', 1),
    ('LP', null, 'Mme', 'F', 'MARTIN', null, 'Anne', '1990-07-20', 'etranger', '99134', null, 'Séville', 'FRA', 'V001', 7, null, null, 'B01', 3, 3, '2026-09-15', 1),
    ('LP', null, 'M.', 'M', 'BERNARD', null, 'Luc', '2000-01-01', 'etranger', '99109', null, 'Berlin', 'FRA', 'V001', 9, null, null, 'B02', 1, 1, '2021-05-05', 1),
    ('LCE', null, 'Mme', 'F', 'GARCIA', null, 'Maria', '1985-02-02', 'etranger', '99134', null, 'Valence', 'ESP', 'V001', 11, null, null, 'B01', 1, 1, '2022-02-02', 1),
    ('LP', null, 'M.', 'M', 'AUTRE', null, 'Albert', '1970-01-01', 'etranger', '99134', null, 'Madrid', 'FRA', 'A001', 1, null, null, 'A01', 1, 1, '2020-01-01', 3)
  ) as v (liste, ine, civilite, sexe, nom, nom_usage, prenoms, naissance, lieu, pays, algerie, ville, nationalite, voie, numero, cnum, complement,
          bureau, nliste, nbureau, inscription, collectivite);
insert into elections.scrutin (libelle, type, date_tour1, om_collectivite) values
  ('Européennes 2026', 'europeennes', '2026-03-15', 1), ('Municipales 2027', 'municipales', '2027-04-11', 1);
insert into elections.mouvement (type_mouvement, liste, etat, date_demande, date_decision, provenance, nom, prenoms, date_naissance, sexe, civilite, om_collectivite) values
  ('IO', 'LP', 'accepte', '2026-09-20', '2026-10-01', 'insee', 'NOUVEAU', 'Paul', '2008-01-01', 'M', 'M.', 1),
  ('DC', 'LP', 'transmis', '2026-11-01', '2026-11-05', 'insee', 'ANCIEN', 'Pierre', '1930-03-03', 'M', 'M.', 1),
  ('PI', 'LP', 'accepte', '2026-01-05', '2026-01-10', 'mairie', 'TROPTOT', 'Jeanne', '1999-01-01', 'F', 'Mme', 1),
  ('PI', 'LP', 'a_instruire', '2026-11-20', null, 'en_ligne', 'ENCOURS', 'Marc', '2001-01-01', 'M', 'M.', 1);
`;
