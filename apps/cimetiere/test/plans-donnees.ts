/**
 * Deux cimetières de Libreville en Lambert-93 (le premier avec un plan scanné, des emplacements
 * dans chaque état, une famille avec son acte, ses concessionnaires et ses défunts), un cimetière
 * d’Autreville (collectivité 3) au même endroit pour l’isolement. Écrit par le propriétaire.
 */
export const PLANS_FIXTURE = `
insert into om.om_collectivite (om_collectivite, libelle, niveau) values (3, 'Autreville', '1');
select setval(pg_get_serial_sequence('om.om_collectivite', 'om_collectivite'), 3);
insert into cimetiere.sepulture_type (sepulture_type, libelle, om_collectivite) values (1, 'Caveau', 1);
insert into cimetiere.cimetiere (cimetiere, libelle, ville, perimetre, om_collectivite) values
  (1, 'Cimetière du Centre', 'Libreville', 'SRID=2154;MULTIPOLYGON(((652000 6862000,652200 6862000,652200 6862200,652000 6862200,652000 6862000)))', 1),
  (2, 'Cimetière de l’Est', 'Libreville', 'SRID=2154;MULTIPOLYGON(((660000 6862000,660100 6862000,660100 6862100,660000 6862100,660000 6862000)))', 1),
  (3, 'Cimetière d’Autreville', 'Autreville', 'SRID=2154;MULTIPOLYGON(((652000 6862000,652200 6862000,652200 6862200,652000 6862200,652000 6862000)))', 3);
insert into cimetiere.plan (plan, cimetiere, libelle, fichier, x_min, y_min, x_max, y_max, om_collectivite) values
  (1, 1, 'Plan de 1932', 'plan-1932', 651990, 6861990, 652210, 6862210, 1);
insert into cimetiere.zone (zone, cimetiere, libelle, geom, om_collectivite) values
  (1, 1, 'Carré A', 'SRID=2154;MULTIPOLYGON(((652000 6862050,652200 6862050,652200 6862150,652000 6862150,652000 6862050)))', 1),
  (2, 2, 'Carré Est', 'SRID=2154;MULTIPOLYGON(((660000 6862000,660100 6862000,660100 6862100,660000 6862100,660000 6862000)))', 1),
  (3, 3, 'Carré d’Autreville', null, 3);
insert into cimetiere.voie (voie, zone, libelle, geom, om_collectivite) values
  (1, 1, 'Allée des Tilleuls', 'SRID=2154;MULTILINESTRING((652000 6862100,652100 6862100))', 1),
  (2, 1, 'Allée des Cyprès', 'SRID=2154;MULTILINESTRING((652000 6862060,652000 6862140))', 1),
  (3, 2, 'Allée de l’Est', 'SRID=2154;MULTILINESTRING((660000 6862050,660100 6862050))', 1),
  (4, 1, 'Allée sans tracé', null, 1),
  (5, 3, 'Allée d’Autreville', 'SRID=2154;MULTILINESTRING((652000 6862100,652100 6862100))', 3);
insert into cimetiere.emplacement (emplacement, nature, voie, numero, famille, etat, nombre_places, place_occupee, superficie,
    sepulture_type, monument, etat_monument, geom, om_collectivite) values
  (1, 'concession', 1, 2, null, 'libre', 2, 0, 2, null, false, null, 'SRID=2154;POINT(652020 6862105)', 1),
  (2, 'concession', 1, 6, 'DURAND', 'occupe', 3, 1.5, 4.5, 1, true, 'bon', 'SRID=2154;POINT(652060 6862105)', 1),
  (3, 'concession', 1, 8, 'LEROY', 'a_terme', 2, 1, 2, null, false, null, 'SRID=2154;POINT(652080 6862105)', 1),
  (4, 'concession', 1, 9, 'MOREAU', 'en_reprise', 2, 1, 2, null, false, null, 'SRID=2154;POINT(652090 6862105)', 1),
  (5, 'concession', 1, 4, 'PETIT', 'occupe', 2, 1, 2, null, false, null, null, 1),
  (6, 'colombarium', 3, 1, 'BERNARD', 'occupe', 1, 0.1, null, null, false, null, 'SRID=2154;POINT(660010 6862055)', 1),
  (7, 'concession', 5, 1, 'AUTRE', 'occupe', 2, 1, null, null, false, null, 'SRID=2154;POINT(652010 6862105)', 3);
insert into cimetiere.concession (concession, emplacement, numero_acte, date_acte, date_vente, duree_type, duree, date_terme, etat, om_collectivite) values
  (1, 2, '2020-4', '2020-03-15', '2020-03-15', 'trentenaire', 30, '2050-03-15', 'active', 1),
  (2, 3, '1996-12', '1996-06-01', '1996-06-01', 'trentenaire', 30, '2026-06-01', 'active', 1);
insert into cimetiere.autorisation (emplacement, nature, nom, prenom, adresse1, cp, ville, parente, om_collectivite) values
  (2, 'concessionnaire', 'DURAND', 'Paul', '3 rue des Lilas', '75011', 'Paris', null, 1),
  (2, 'ayant_droit', 'DURAND', 'Marie', '8 avenue Foch', '69006', 'Lyon', 'fille', 1);
insert into cimetiere.defunt (emplacement, nature, taille, nom, nom_naissance, prenom, date_naissance, date_deces, date_inhumation, om_collectivite) values
  (2, 'cercueil', 1, 'DURAND', null, 'Jean', '1931-05-02', '2021-01-10', '2021-01-15', 1),
  (2, 'urne', 0.5, 'DURAND', 'LEFÈVRE', 'Louise', '1935-09-20', '2023-11-03', '2023-11-10', 1),
  (3, 'cercueil', 1, 'LEROY', null, 'André', null, '1996-05-20', '1996-06-02', 1),
  (4, 'cercueil', 1, 'MOREAU', null, 'Lucien', null, '1961-02-11', '1961-02-15', 1),
  (5, 'cercueil', 1, 'PETIT', null, 'Roger', null, '1988-10-02', '1988-10-06', 1),
  (6, 'urne', 0.1, 'BERNARD', null, 'Simone', null, '2015-04-09', '2015-04-20', 1),
  (7, 'cercueil', 1, 'AUTRE', null, 'Albert', null, '2001-01-04', '2001-01-09', 3);
-- The states are those the application computes (core/etat.ts): its daily task recomputes them when a server starts.
insert into cimetiere.reprise (emplacement, date_premier_constat, om_collectivite) values (4, '2023-04-01', 1);
select setval(pg_get_serial_sequence('cimetiere.cimetiere', 'cimetiere'), 10);
select setval(pg_get_serial_sequence('cimetiere.zone', 'zone'), 10);
select setval(pg_get_serial_sequence('cimetiere.voie', 'voie'), 10);
select setval(pg_get_serial_sequence('cimetiere.emplacement', 'emplacement'), 10);
select setval(pg_get_serial_sequence('cimetiere.plan', 'plan'), 10);
`;

/** Une image PNG d’un pixel : le plan scanné des essais. */
export const PLAN_PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);
