/**
 * The data of the courrier benchmark (bench/courrier.ts), written as the owner by a few inserts from
 * generate_series, seeded so that every run loads the same rows: Libreville's organisation as in
 * apps/courrier/test/support.ts (plus ten services, fifteen in all), 50,000 correspondents and
 * 500,000 mails over 2021-2025, numbered per register and year without gap.
 */
import type pg from 'pg';

export const CORRESPONDANTS = 50_000;
export const COURRIERS = 500_000;
const COLLECTIVITE = 1;
const FIRST_DAY = '2021-01-01';
const DAYS = 1826;

/** Code, label, parent code: parents first. */
const SERVICES: readonly (readonly [string, string, string | null])[] = [
  ['DG', 'Direction générale', null],
  ['ETAT', 'État civil', null],
  ['COURRIER', 'Service courrier', null],
  ['URBA', 'Urbanisme', 'DG'],
  ['FIN', 'Finances', 'DG'],
  ['RH', 'Ressources humaines', 'DG'],
  ['CULT', 'Culture', 'DG'],
  ['SPORT', 'Sports', 'DG'],
  ['SCOL', 'Affaires scolaires', 'DG'],
  ['SOC', 'Action sociale', 'DG'],
  ['POL', 'Police municipale', 'DG'],
  ['TECH', 'Services techniques', 'DG'],
  ['COM', 'Communication', 'DG'],
  ['VOIRIE', 'Voirie', 'URBA'],
  ['ENV', 'Environnement', 'URBA'],
];

/** Login, profile, service of the agent, « tous services ». */
const USERS: readonly (readonly [string, string, string, boolean])[] = [
  ['chef', 'SUPER UTILISATEUR', 'COURRIER', true],
  ['agent', 'UTILISATEUR', 'COURRIER', true],
  ['urba', 'UTILISATEUR', 'URBA', false],
  ['voirie', 'UTILISATEUR', 'VOIRIE', false],
  ['etat', 'UTILISATEUR', 'ETAT', false],
];

const NOMS = [
  'Durand', 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Moreau', 'Laurent', 'Simon', 'Michel',
  'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine',
  'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier',
  'François', 'Legrand', 'Gauthier', 'Garcia', 'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu',
  'Gautier', 'Masson', 'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud', 'Martinez', 'Gérard',
  'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron', 'Picard', 'Roger', 'Fabre', 'Aubert',
  'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe', 'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet',
  'Rolland', 'Leclercq', 'Guillaume', 'Lecomte', 'Mba', 'Obiang', 'Nzé', 'Ondo', 'Essono', 'Moussavou', 'Ndong', 'Mintsa',
  'Nguema', 'Ella', 'Mouélé', 'Koumba', 'Boussougou', 'Mabika', 'Durand-Mba', 'Ekomié', 'Assoumou', 'Bekale', 'Biyoghe', 'Engonga',
];
const PRENOMS = [
  'Jean', 'Marie', 'Pierre', 'Anne', 'Michel', 'Hélène', 'Jacques', 'Sylvie', 'Philippe', 'Isabelle', 'Alain', 'Catherine',
  'Éric', 'Nathalie', 'Patrick', 'Christine', 'François', 'Sophie', 'Daniel', 'Valérie', 'Paul', 'Céline', 'Serge', 'Aurélie',
  'Rodrigue', 'Prisca', 'Ulrich', 'Gisèle', 'Fabrice', 'Nadège',
];
const ORGANISMES = [
  'SARL Bâtir Estuaire', 'Association Les Amis du Parc', 'Préfecture de l’Estuaire', 'Société d’énergie et d’eau', 'Cabinet Ngoua avocats',
  'Office des postes', 'Chambre de commerce', 'École Sainte-Marie', 'Club sportif Akanda', 'Banque de l’Estuaire', 'Clinique du Littoral',
  'Syndic Résidence Les Palmiers', 'Entreprise Voirie Plus', 'Agence immobilière Océan', 'Trésor public', 'Conseil départemental',
];
const VOIES = [
  'rue des Lilas', 'avenue de l’Indépendance', 'boulevard Triomphal', 'rue Ange-Mba', 'quartier Louis', 'rue de la Mairie', 'avenue Bouët',
  'quartier Glass', 'rue du Marché', 'boulevard de la Mer', 'rue des Écoles', 'quartier Nombakélé', 'avenue du Colonel-Parant', 'rue Pecqueur',
];
/** Objets of the other 97 %; « permis de construire » is three per cent of the mail, spelt three ways. */
const OBJETS = [
  'Demande d’acte de naissance', 'Demande de copie d’acte de mariage', 'Réclamation sur l’éclairage public', 'Nid-de-poule',
  'Demande de subvention', 'Candidature spontanée', 'Invitation à une cérémonie', 'Facture', 'Relance de paiement',
  'Déclaration préalable de travaux', 'Certificat d’urbanisme', 'Demande d’autorisation de voirie', 'Occupation du domaine public',
  'Inscription scolaire', 'Demande de logement social', 'Plainte pour nuisances sonores', 'Demande de rendez-vous avec le maire',
  'Transmission de délibération', 'Convocation à une réunion', 'Arrêté de circulation', 'Demande de location de salle',
  'Signalement de dépôt sauvage', 'Demande d’élagage', 'Recensement citoyen', 'Demande de carte d’identité', 'Dossier de marché public',
  'Réclamation sur le ramassage des ordures', 'Demande d’aide sociale', 'Contentieux', 'Information sur les travaux',
  'Demande de stationnement', 'Proposition de partenariat', 'Réponse à consultation', 'Avis de passage', 'Demande de raccordement',
  'Abonnement', 'Vœux', 'Transmission de pièces', 'Demande d’état des lieux', 'Déclaration de sinistre',
];
const PERMIS = ['Demande de permis de construire', 'Permis de construire : pièces complémentaires', 'PERMIS DE CONSTRUIRE modificatif'];
const OBSERVATIONS = ['Remis en main propre', 'Pièces jointes : plans et photos', 'Copie au maire', 'Relance', 'Original au dossier', 'Reçu par le guichet unique'];

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(literal).join(', ')}]::text[]`;
const intArray = (values: readonly number[]) => `array[${values.join(', ')}]::int[]`;
/** One element of a SQL array chosen by a random number in [0, 1) (`pick(array, 'r')`). */
const pick = (array: string, random: string) => `(${array})[1 + floor(${random} * cardinality(${array}))::int]`;

export interface Loaded {
  readonly ms: number;
  /** urba's om_utilisateur: the actor the search runs as. */
  readonly urba: number;
  readonly visibles: number;
  readonly confidentiels: number;
  /** Counting every mail urba sees (row-level security) and every mail as the owner. */
  readonly visiblesMs: number;
  readonly ownerCountMs: number;
}

async function codes(owner: pg.Client, table: string, rows: readonly (readonly [string, string, number | null])[]): Promise<Map<string, number>> {
  const values = rows.map(([code, libelle, extra]) => `(${literal(code)}, ${literal(libelle)}, ${extra === null ? 'null::int' : extra}, ${COLLECTIVITE})`).join(', ');
  const extraColumn = table === 'categorie' ? 'delai_reponse' : null;
  const columns = extraColumn ? `code, libelle, ${extraColumn}, om_collectivite` : 'code, libelle, om_collectivite';
  const select = extraColumn ? 'code, libelle, extra, c' : 'code, libelle, c';
  const result = await owner.query<{ code: string; id: number }>(
    `insert into courrier.${table} (${columns}) select ${select} from (values ${values}) as v (code, libelle, extra, c) returning code, ${table} as id`,
  );
  return new Map(result.rows.map((row) => [row.code, Number(row.id)]));
}

/** Loads everything as the owner; the caller's client stays the owner's. */
export async function loadCourrier(owner: pg.Client, passwordHash: string): Promise<Loaded> {
  const started = performance.now();
  const users = new Map<string, number>();
  for (const [login, profil] of USERS) {
    const created = await owner.query<{ id: number }>(
      `insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil)
       select $1, $2, $1, $3, $4, om_profil from om.om_profil where libelle = $5 returning om_utilisateur as id`,
      [login, `${login}@libreville.test`, passwordHash, COLLECTIVITE, profil],
    );
    users.set(login, Number(created.rows[0]?.id));
  }
  const services = new Map<string, number>();
  for (const [code, libelle, parent] of SERVICES) {
    const created = await owner.query<{ id: number }>(
      `insert into courrier.service (code, libelle, service_parent, courriel, om_collectivite) values ($1, $2, $3, $4, $5) returning service as id`,
      [code, libelle, parent === null ? null : services.get(parent), `${code.toLowerCase()}@libreville.test`, COLLECTIVITE],
    );
    services.set(code, Number(created.rows[0]?.id));
  }
  const agents = new Map<string, number>();
  for (const [login, , service, tous] of USERS) {
    const created = await owner.query<{ id: number }>(
      `insert into courrier.agent (om_utilisateur, service, tous_services, om_collectivite) values ($1, $2, $3, $4) returning agent as id`,
      [users.get(login), services.get(service), tous, COLLECTIVITE],
    );
    agents.set(login, Number(created.rows[0]?.id));
  }
  const natures = await codes(owner, 'nature', [['LET', 'Lettre', null], ['LRAR', 'Lettre recommandée A/R', null], ['MEL', 'Courriel', null], ['FAX', 'Fax', null], ['DEP', 'Dépôt', null]]);
  const categories = await codes(owner, 'categorie', [['REC', 'Réclamation', 8], ['INF', 'Information', null], ['DEM', 'Demande', 15]]);
  const civilites = await codes(owner, 'civilite', [['M', 'Monsieur', null], ['MME', 'Madame', null]]);
  const types = await codes(owner, 'correspondant_type', [['PART', 'Particulier', null], ['ENT', 'Entreprise', null], ['ADM', 'Administration', null], ['ASSO', 'Association', null]]);
  const id = (table: Map<string, number>, code: string) => table.get(code) as number;

  // Correspondents: a fifth organisations; a third of the people's names typed in capitals.
  await owner.query(`select setseed(0.15);
    insert into courrier.correspondant (civilite, nom, prenom, organisme, adresse1, cp, ville, correspondant_type, frequent, om_collectivite)
    select case when org then null when r_civ < 0.5 then ${id(civilites, 'M')} else ${id(civilites, 'MME')} end,
           case when org then ${pick(textArray(ORGANISMES), 'r_nom')} when r_maj < 0.33 then upper(${pick(textArray(NOMS), 'r_nom')}) else ${pick(textArray(NOMS), 'r_nom')} end,
           case when org then null else ${pick(textArray(PRENOMS), 'r_prenom')} end,
           case when org then ${pick(textArray(ORGANISMES), 'r_nom')} end,
           (1 + floor(r_num * 200)::int) || ' ' || ${pick(textArray(VOIES), 'r_voie')},
           '97100', 'Libreville',
           case when not org then ${id(types, 'PART')} else ${pick(intArray([id(types, 'ENT'), id(types, 'ADM'), id(types, 'ASSO')]), 'r_civ')} end,
           n % 10 <> 0, ${COLLECTIVITE}
      from (select n, random() < 0.2 as org, random() as r_civ, random() as r_maj, random() as r_nom, random() as r_prenom,
                   random() as r_num, random() as r_voie
              from generate_series(1, ${CORRESPONDANTS}) as n) as g;
    analyze courrier.correspondant`);
  const first = Number((await owner.query<{ id: number }>('select min(correspondant) as id from courrier.correspondant')).rows[0]?.id);

  // Mail: services weighted (urbanisme, voirie and état civil receive the most).
  const weighted = ['URBA', 'URBA', 'URBA', 'VOIRIE', 'VOIRIE', 'ETAT', 'ETAT', 'DG', 'FIN', 'RH', 'CULT', 'SPORT', 'SCOL', 'SOC', 'POL', 'TECH', 'COM', 'ENV', 'COURRIER'];
  const serviceIds = intArray(weighted.map((code) => id(services, code)));
  const natureArrivee = intArray(['LET', 'LET', 'LET', 'LET', 'LET', 'LRAR', 'MEL', 'MEL', 'MEL', 'DEP'].map((code) => id(natures, code)));
  const natureDepart = intArray(['LET', 'LET', 'LET', 'LRAR', 'MEL', 'MEL', 'FAX'].map((code) => id(natures, code)));
  const categorie = `case when r_cat < 0.15 then ${id(categories, 'REC')} when r_cat < 0.55 then ${id(categories, 'INF')} when r_cat < 0.85 then ${id(categories, 'DEM')} end`;
  const objet = `case when r_objet < 0.03 then (${textArray(PERMIS)})[1 + n % 3] else ${pick(textArray(OBJETS), '(r_objet - 0.03) / 0.97')} end || ' – ' || ${pick(textArray(VOIES), 'r_voie')}`;
  await owner.query(`select setseed(0.42);
    insert into courrier.courrier (registre, numero, rang, nature, date_arrivee, date_courrier, date_signature, date_depart, correspondant,
                                   objet, categorie, reponse_souhaitee, service, referent, priorite, confidentiel, etat, observation,
                                   cree_le, cree_par, om_collectivite)
    with base as (
      select n, case when random() < 0.75 then 'arrivee' else 'depart' end as registre,
             date '${FIRST_DAY}' + floor(random() * ${DAYS})::int as jour, floor(random() * 10)::int as ecart,
             ${first} + floor(random() * ${CORRESPONDANTS})::int as correspondant,
             random() as r_objet, random() as r_voie, random() as r_service, random() as r_nature, random() as r_cat,
             random() as r_reponse, random() as r_prio, random() as r_conf, random() as r_obs, random() as r_heure, random() as r_etat
        from generate_series(1, ${COURRIERS}) as n
    ), numerotes as (
      select b.*, extract(year from jour)::int as annee, ${pick(serviceIds, 'r_service')} as service,
             row_number() over (partition by registre, extract(year from jour) order by jour, n) as rang
        from base as b
    )
    select registre,
           case when registre = 'arrivee' then annee || '-' || rang else annee || '-D-' || rang end,
           rang,
           case when registre = 'arrivee' then ${pick(natureArrivee, 'r_nature')} else ${pick(natureDepart, 'r_nature')} end,
           case when registre = 'arrivee' then jour end,
           case when registre = 'arrivee' then jour - ecart end,
           case when registre = 'depart' then jour end,
           case when registre = 'depart' and r_etat < 0.95 then jour + ecart % 3 end,
           correspondant,
           case when registre = 'depart' then 'Réponse : ' else '' end || ${objet},
           ${categorie},
           registre = 'arrivee' and r_cat < 0.85 and r_reponse < 0.6,
           service,
           case when service = ${id(services, 'URBA')} and r_reponse < 0.3 then ${id(agents, 'urba')} end,
           case when r_prio < 0.8 then 'normale' when r_prio < 0.9 then 'haute' when r_prio < 0.97 then 'basse' else 'urgente' end,
           r_conf < 0.02,
           case when registre = 'arrivee' then 'enregistre' when r_etat < 0.95 then 'parti' when r_etat < 0.97 then 'projet'
                when r_etat < 0.99 then 'en_visa' else 'vise' end,
           case when r_obs < 0.1 then ${pick(textArray(OBSERVATIONS), 'r_obs * 10')} end,
           (jour + time '08:00' + r_heure * interval '10 hours') at time zone 'Europe/Paris',
           case when n % 2 = 0 then 'agent' else 'chef' end,
           ${COLLECTIVITE}
      from numerotes;
    analyze courrier.courrier`);
  const loadMs = performance.now() - started;
  const confidentiels = Number((await owner.query<{ n: number }>('select count(*)::int as n from courrier.courrier where confidentiel')).rows[0]?.n);
  const ownerStarted = performance.now();
  await owner.query('select count(*) from courrier.courrier');
  const ownerCountMs = performance.now() - ownerStarted;
  // What urba sees: counted as the application role under the policy.
  await owner.query('begin');
  await owner.query('set local role commun_app');
  await owner.query(`select set_config('commun.collectivite', '1', true), set_config('commun.toutes', 'off', true), set_config('commun.utilisateur', 'urba', true)`);
  const visiblesStarted = performance.now();
  const visibles = Number((await owner.query<{ n: number }>('select count(*)::int as n from courrier.courrier')).rows[0]?.n);
  const visiblesMs = performance.now() - visiblesStarted;
  await owner.query('commit');
  return { ms: loadMs, urba: users.get('urba') as number, visibles, confidentiels, visiblesMs, ownerCountMs };
}
