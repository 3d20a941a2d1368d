-- Bureaux de vote sur la carte (issue 13 §6 et §7) : l’adresse du bureau en voie et numéro (pour le
-- « localiser » d’après les adresses de la Base Adresse Locale), son point et son périmètre (le
-- secteur dont les électeurs votent là), en Lambert-93. L’application demande PostGIS.
create extension if not exists postgis;

alter table elections.bureau
  add column voie integer references elections.voie,
  add column numero_voie integer check (numero_voie >= 0),
  add column geom geometry(Point, 2154),
  add column perimetre geometry(MultiPolygon, 2154);
comment on column elections.bureau.voie is 'Voie de l’adresse du bureau (sert à le localiser sur la carte).';
comment on column elections.bureau.numero_voie is 'Numéro dans la voie';
comment on column elections.bureau.geom is 'Localisation (Lambert-93)';
comment on column elections.bureau.perimetre is 'Périmètre : le secteur des électeurs du bureau (Lambert-93).';
create index bureau_voie on elections.bureau (voie);
create index bureau_geom on elections.bureau using gist (geom);
create index bureau_perimetre on elections.bureau using gist (perimetre);
