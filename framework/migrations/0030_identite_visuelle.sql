-- Identité visuelle de chaque collectivité (issue 16 §4) : la couleur d’accent de ses pages
-- (en-tête, boutons, liens, focus). Son contraste est vérifié par le cadriciel avant
-- l’enregistrement (RGAA, critère 3.2 : 4,5:1 avec le texte blanc et sur fond clair) ; la base ne
-- garde que la forme #rrggbb. Le logo n’est pas ici : c’est le logo actif de code « logo » de la
-- collectivité (om_logo), celui que ses états et lettres types impriment par défaut — un seul
-- mécanisme pour les pages et les documents. Nom affiché : om_collectivite.libelle.
-- Table technique, écrite seulement par le cadriciel (framework/src/branding) depuis la page
-- « Administration › Identité visuelle », jamais par le service générique.

create table if not exists om.om_identite_visuelle (
  om_collectivite integer primary key references om.om_collectivite on delete cascade,
  couleur varchar(7) not null check (couleur ~ '^#[0-9a-f]{6}$'),
  modifie_le timestamptz not null default now(),
  modifie_par varchar(30)
);
comment on table om.om_identite_visuelle is 'Identité visuelle d’une collectivité : couleur d’accent de ses pages.';
comment on column om.om_identite_visuelle.om_collectivite is 'Collectivité.';
comment on column om.om_identite_visuelle.couleur is 'Couleur d’accent (#rrggbb, minuscules), contraste vérifié à l’enregistrement.';
comment on column om.om_identite_visuelle.modifie_le is 'Modifiée le.';
comment on column om.om_identite_visuelle.modifie_par is 'Identifiant de l’utilisateur qui l’a modifiée.';
