import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/index.ts';
import { introspectSchema, type Introspection } from '../src/db/introspect.ts';
import { frenchLabel, labelColumn, searchColumns, tableLabel } from '../src/model/conventions.ts';
import type { FieldMeta, TableMeta } from '../src/model/types.ts';
import { CATALOGUE_SCHEMA, POSTULATE_SCHEMA } from './support/catalogue-schema.ts';
import { describeEachDatabase } from './support/databases.ts';

function table(result: Introspection, name: string): TableMeta {
  const found = result.tables.find((candidate) => candidate.name === name);
  assert.ok(found, `table ${name} missing`);
  return found;
}

function field(meta: TableMeta, name: string): FieldMeta {
  const found = meta.fields.find((candidate) => candidate.name === name);
  assert.ok(found, `field ${meta.name}.${name} missing`);
  return found;
}

const plain = (name: string, label: string, pgType: string, kind: FieldMeta['kind'], extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name,
  label,
  pgType,
  kind,
  notNull: false,
  hasDefault: false,
  generation: null,
  required: false,
  ...extra,
});

describeEachDatabase('introspection', (database) => {
  let result: Introspection;

  before(async () => {
    await database().asOwner(CATALOGUE_SCHEMA + POSTULATE_SCHEMA, 't');
    result = await introspectSchema(database().db.kysely, 't', { app: 'essai' });
  });

  test('tables and views in alphabetical order, columns in table order', () => {
    assert.deepEqual(
      result.tables.map((meta) => [meta.name, meta.kind]),
      [
        ['affectation', 'table'],
        ['categorie', 'table'],
        ['inscription', 'table'],
        ['journal', 'table'],
        ['mesure', 'table'],
        ['pays', 'table'],
        ['personne', 'table'],
        ['v_personne', 'view'],
      ],
    );
    assert.deepEqual(
      table(result, 'personne').fields.map((meta) => meta.name),
      ['id', 'nom', 'prenom', 'date_naissance', 'categorie', 'pere', 'mere', 'pays', 'om_collectivite', 'om_validite_debut', 'om_validite_fin'],
    );
  });

  test('an identity key named like its table, comments, labels', () => {
    const categorie = table(result, 'categorie');
    assert.equal(categorie.app, 'essai');
    assert.equal(categorie.schema, 't');
    assert.equal(categorie.label, 'Catégorie de personne', 'a short comment is the label');
    assert.equal(categorie.comment, 'Catégorie de personne');
    assert.deepEqual(categorie.primaryKey, ['categorie']);
    assert.equal(categorie.key, 'categorie');
    assert.equal(categorie.readOnly, false);
    assert.equal(categorie.readOnlyReason, undefined);
    assert.deepEqual(field(categorie, 'categorie'), {
      ...plain('categorie', 'Catégorie', 'int4', 'integer'),
      notNull: true,
      hasDefault: true,
      generation: 'identity',
    });
    assert.deepEqual(field(categorie, 'libelle'), {
      ...plain('libelle', 'Nom affiché', 'varchar', 'text'),
      maxLength: 60,
      notNull: true,
      required: true,
      comment: 'Nom affiché',
    });
    assert.deepEqual(field(categorie, 'code'), { ...plain('code', 'Code', 'bpchar', 'text'), maxLength: 3 });
    assert.equal(categorie.labelColumn, 'libelle');
    assert.deepEqual(categorie.searchColumns, ['libelle', 'code', 'categorie']);
    assert.deepEqual(categorie.defaultSort, ['libelle']);
  });

  test('a string key typed by the user', () => {
    const pays = table(result, 'pays');
    assert.equal(pays.key, 'code');
    assert.deepEqual(field(pays, 'code'), { ...plain('code', 'Code', 'varchar', 'text'), maxLength: 2, notNull: true, required: true });
    assert.equal(pays.labelColumn, 'nom');
  });

  test('a serial key, foreign keys, self-references, a multi-column unique constraint, conventions', () => {
    const personne = table(result, 'personne');
    assert.deepEqual(field(personne, 'id'), {
      ...plain('id', 'Identifiant', 'int4', 'integer'),
      notNull: true,
      hasDefault: true,
      defaultSql: "nextval('t.personne_id_seq'::regclass)",
      generation: 'serial',
    });
    assert.deepEqual(field(personne, 'nom'), { ...plain('nom', 'Nom', 'text', 'text'), notNull: true, required: true });
    assert.equal(field(personne, 'date_naissance').label, 'Date de naissance');
    assert.deepEqual(personne.foreignKeys, [
      { name: 'personne_categorie_fkey', columns: ['categorie'], target: { schema: 't', table: 'categorie' }, targetColumns: ['categorie'] },
      {
        name: 'personne_mere_fkey',
        columns: ['mere'],
        target: { schema: 't', table: 'personne' },
        targetColumns: ['id'],
        onDelete: 'cascade',
      },
      {
        name: 'personne_om_collectivite_fkey',
        columns: ['om_collectivite'],
        target: { schema: 'om', table: 'om_collectivite' },
        targetColumns: ['om_collectivite'],
      },
      { name: 'personne_pays_fkey', columns: ['pays'], target: { schema: 't', table: 'pays' }, targetColumns: ['code'], onDelete: 'set null' },
      { name: 'personne_pere_fkey', columns: ['pere'], target: { schema: 't', table: 'personne' }, targetColumns: ['id'] },
    ]);
    assert.deepEqual(personne.referencedBy, [
      { name: 'inscription_personne_fkey', source: { schema: 't', table: 'inscription' }, columns: ['personne'], targetColumns: ['id'] },
      {
        name: 'personne_mere_fkey',
        source: { schema: 't', table: 'personne' },
        columns: ['mere'],
        targetColumns: ['id'],
        onDelete: 'cascade',
      },
      { name: 'personne_pere_fkey', source: { schema: 't', table: 'personne' }, columns: ['pere'], targetColumns: ['id'] },
    ]);
    assert.deepEqual(personne.uniques, [['nom', 'prenom', 'date_naissance']]);
    assert.equal(personne.labelColumn, 'nom');
    assert.equal(personne.tenantColumn, 'om_collectivite');
    assert.deepEqual(personne.validity, { start: 'om_validite_debut', end: 'om_validite_fin' });
    assert.deepEqual(personne.searchColumns, ['nom', 'prenom', 'pays', 'id']);
    assert.equal(field(personne, 'om_collectivite').label, 'Collectivité');
    assert.equal(field(personne, 'om_validite_debut').label, 'Début de validité');
  });

  test('every common type, with lengths, precision, enums, arrays, domains and generated values', () => {
    const mesure = table(result, 'mesure');
    const expected: FieldMeta[] = [
      { ...plain('mesure', 'Mesure', 'uuid', 'uuid'), notNull: true, hasDefault: true, defaultSql: 'gen_random_uuid()', generation: 'uuid' },
      plain('petit', 'Petit', 'int2', 'integer'),
      { ...plain('moyen', 'Moyen', 'int4', 'integer'), notNull: true, required: true },
      {
        ...plain('grand', 'Grand', 'int8', 'bigint'),
        notNull: true,
        hasDefault: true,
        defaultSql: "nextval('t.mesure_grand_seq'::regclass)",
        generation: 'serial',
      },
      { ...plain('montant', 'Montant', 'numeric', 'decimal'), precision: 10, scale: 2 },
      plain('libre', 'Libre', 'numeric', 'decimal'),
      plain('ratio', 'Ratio', 'float4', 'float'),
      plain('score', 'Score', 'float8', 'float'),
      { ...plain('actif', 'Actif', 'bool', 'boolean'), notNull: true, hasDefault: true, defaultSql: 'true' },
      plain('heure', 'Heure', 'time', 'time'),
      plain('heure_tz', 'Heure tz', 'timetz', 'time'),
      { ...plain('cree_le', 'Créé le', 'timestamp', 'timestamp'), hasDefault: true, defaultSql: 'now()' },
      plain('modifie_le', 'Modifié le', 'timestamptz', 'timestamptz'),
      plain('duree', 'Durée', 'interval', 'interval'),
      plain('donnees', 'Données', 'jsonb', 'json'),
      plain('brut', 'Brut', 'json', 'json'),
      plain('photo', 'Photo', 'bytea', 'bytea'),
      { ...plain('couleur', 'Couleur', 'couleur', 'enum'), enumValues: ['rouge', 'vert', 'bleu'] },
      { ...plain('couleurs', 'Couleurs', '_couleur', 'array'), enumValues: ['rouge', 'vert', 'bleu'], elementKind: 'enum' },
      { ...plain('tags', 'Tags', '_varchar', 'array'), maxLength: 20, elementKind: 'text' },
      { ...plain('notes', 'Notes', '_int4', 'array'), elementKind: 'integer' },
      { ...plain('insee', 'INSEE', 'code_insee', 'text'), maxLength: 5, notNull: true, required: true },
      {
        ...plain('numero', 'Numéro', 'int4', 'integer'),
        hasDefault: true,
        defaultSql: "nextval('t.compteur'::regclass)",
        generation: 'sequence',
      },
      {
        ...plain('double_montant', 'Double montant', 'numeric', 'decimal'),
        hasDefault: true,
        defaultSql: '(montant * (2)::numeric)',
        generation: 'computed',
      },
      plain('vecteur', 'Vecteur', 'tsvector', 'other'),
      plain('texte', 'Texte', 'text', 'text'),
    ];
    assert.deepEqual(mesure.fields, expected);
    // Partial and expression indexes do not make a column unique.
    assert.deepEqual(mesure.uniques, [['numero']]);
    assert.equal(mesure.key, 'mesure');
  });

  test('composite keys, missing keys and views are read-only, and said so', () => {
    const inscription = table(result, 'inscription');
    assert.deepEqual(inscription.primaryKey, ['personne', 'categorie']);
    assert.equal(inscription.key, null);
    assert.equal(inscription.readOnly, true);
    assert.match(inscription.readOnlyReason ?? '', /plusieurs colonnes \(personne, categorie\)/);
    assert.deepEqual(inscription.referencedBy, [
      {
        name: 'affectation_personne_categorie_fkey',
        source: { schema: 't', table: 'affectation' },
        columns: ['personne', 'categorie'],
        targetColumns: ['personne', 'categorie'],
      },
    ]);
    assert.deepEqual(table(result, 'affectation').foreignKeys[0]?.columns, ['personne', 'categorie']);

    const journal = table(result, 'journal');
    assert.deepEqual([journal.primaryKey, journal.key, journal.readOnly], [[], null, true]);
    assert.match(journal.readOnlyReason ?? '', /pas de clé primaire/);

    const view = table(result, 'v_personne');
    assert.deepEqual([view.kind, view.key, view.readOnly, view.comment], ['view', null, true, 'Personnes (vue)']);
    assert.match(view.readOnlyReason ?? '', /^Vue/);
  });

  test('what cannot be served fully is reported', () => {
    assert.deepEqual(
      result.problems.map((problem) => problem.table),
      ['inscription', 'journal', 'mesure'],
    );
    assert.match(result.problems[2]?.reason ?? '', /« vecteur ».*« tsvector »/);
  });

  test('excluded tables are left out but still count as references', async () => {
    const partial = await introspectSchema(database().db.kysely, 't', { app: 'essai', exclude: ['journal', 'inscription'] });
    assert.equal(partial.tables.some((meta) => meta.name === 'journal' || meta.name === 'inscription'), false);
    assert.equal(table(partial, 'personne').referencedBy[0]?.source.table, 'inscription');
  });

  test('incoming references come from any schema', async () => {
    const om = await introspectSchema(database().db.kysely, 'om', { app: 'om' });
    const sources = table(om, 'om_collectivite').referencedBy.map((reference) => `${reference.source.schema}.${reference.source.table}`);
    assert.ok(sources.includes('t.personne'), sources.join(', '));
    assert.equal(table(om, 'om_collectivite').tenantColumn, 'om_collectivite');
  });

  test('postulate mode: keys and foreign keys from the names, keys fed by <table>_seq', async () => {
    const declared = await introspectSchema(database().db.kysely, 'p', { app: 'essai' });
    assert.equal(table(declared, 'voie').key, null);
    assert.deepEqual(table(declared, 'electeur').foreignKeys, []);

    const postulated = await introspectSchema(database().db.kysely, 'p', { app: 'essai', postulate: true });
    const voie = table(postulated, 'voie');
    assert.deepEqual([voie.primaryKey, voie.key, voie.readOnly], [['voie'], 'voie', false]);
    assert.deepEqual(field(voie, 'voie'), {
      ...plain('voie', 'Voie', 'int4', 'integer'),
      notNull: true,
      generation: 'sequence',
      sequence: 'voie_seq',
    });
    assert.deepEqual(table(postulated, 'electeur').foreignKeys, [
      { name: 'electeur_bureau_fkey', columns: ['bureau'], target: { schema: 'p', table: 'bureau' }, targetColumns: ['bureau'] },
      { name: 'electeur_voie_fkey', columns: ['voie'], target: { schema: 'p', table: 'voie' }, targetColumns: ['voie'] },
    ]);
    assert.deepEqual(
      table(postulated, 'voie').referencedBy.map((reference) => reference.source.table),
      ['electeur'],
    );
    assert.deepEqual(postulated.problems, []);
  });

  test('geometry columns, when PostGIS is installed', async (context) => {
    const available = await sql<{ found: number }>`select count(*)::int as found from pg_available_extensions where name = 'postgis'`.execute(
      database().db.kysely,
    );
    if (!available.rows[0]?.found) {
      context.skip('PostGIS n’est pas installé sur cette base');
      return;
    }
    await database().asOwner('create extension if not exists postgis; create schema g; create table g.lieu (lieu int primary key, point geometry(Point, 2154), zone geometry)');
    const geo = await introspectSchema(database().db.kysely, 'g', { app: 'essai' });
    const lieu = table(geo, 'lieu');
    assert.deepEqual(field(lieu, 'point').geometry, { type: 'Point', srid: 2154 });
    assert.deepEqual(field(lieu, 'zone').geometry, { type: 'Geometry', srid: 0 });
  });
});

// PostGIS in the embedded database takes about twenty seconds to install: opt in with COMMUN_TEST_POSTGIS=1.
describe('introspection of geometry columns (embedded PostGIS)', { skip: process.env.COMMUN_TEST_POSTGIS !== '1' }, () => {
  test('type and SRID come from the column type modifier', async () => {
    const owner = await openDatabase({ dataDir: 'memory://', postgis: true });
    try {
      await sql
        .raw(
          'create extension postgis; create schema g; ' +
            'create table g.lieu (lieu int primary key, point geometry(Point, 2154), zone geometry(MultiPolygonZ, 4326), libre geometry)',
        )
        .execute(owner.kysely);
      const lieu = table(await introspectSchema(owner.kysely, 'g', { app: 'essai' }), 'lieu');
      assert.deepEqual(field(lieu, 'point'), {
        ...plain('point', 'Point', 'geometry', 'geometry'),
        geometry: { type: 'Point', srid: 2154 },
      });
      assert.deepEqual(field(lieu, 'zone').geometry, { type: 'MultiPolygonZ', srid: 4326 });
      assert.deepEqual(field(lieu, 'libre').geometry, { type: 'Geometry', srid: 0 });
      const publicTables = await introspectSchema(owner.kysely, 'public', { app: 'essai' });
      assert.deepEqual(publicTables.tables, [], 'the extension’s own tables are not the application’s');
    } finally {
      await owner.close();
    }
  });
});

describe('conventions', () => {
  test('French labels', () => {
    const cases: [string, string][] = [
      ['date_naissance', 'Date de naissance'],
      ['om_collectivite', 'Collectivité'],
      ['libelle', 'Libellé'],
      ['electeur', 'Électeur'],
      ['numero_ordre', 'Numéro d’ordre'],
      ['date_effet', 'Date d’effet'],
      ['date_limite', 'Date limite'],
      ['nombre_electeurs', 'Nombre d’électeurs'],
      ['telephone', 'Téléphone'],
      ['societe', 'Société'],
      ['categorie', 'Catégorie'],
      ['om_validite_debut', 'Début de validité'],
      ['om_validite_fin', 'Fin de validité'],
      ['hierarchie', 'Hiérarchie'],
      ['om_parametre', 'Paramètre'],
      ['om_requete', 'Requête'],
      ['om_etat', 'État'],
      ['om_sousetat', 'Sous-état'],
      ['om_etiquette', 'Étiquette'],
      ['om_lettretype', 'Lettre type'],
      ['entite', 'Entité'],
      ['securite', 'Sécurité'],
      ['duree', 'Durée'],
      ['donnees', 'Données'],
      ['destinataire', 'Destinataire'],
      ['cree_le', 'Créé le'],
      ['modifie_par', 'Modifié par'],
      ['titre_om_htmletat', 'Titre'],
      ['corps_om_htmletatex', 'Corps'],
      ['code_postal', 'Code postal'],
      ['pwd', 'Mot de passe'],
      ['Nom_Usage', 'Nom usage'],
      ['x', 'X'],
    ];
    for (const [name, label] of cases) assert.equal(frenchLabel(name), label, name);
    assert.equal(tableLabel('om_utilisateur'), 'Utilisateur');
    assert.equal(tableLabel('om_api_token'), 'Jeton d’API');
  });

  test('label and search columns', () => {
    const text = (name: string, pgType = 'varchar') => ({ name, kind: 'text' as const, pgType });
    const integer = (name: string) => ({ name, kind: 'integer' as const, pgType: 'int4' });
    assert.equal(labelColumn([integer('id'), text('code'), text('nom'), text('libelle')], 'id'), 'libelle');
    assert.equal(labelColumn([integer('id'), text('code'), text('nom')], 'id'), 'nom');
    assert.equal(labelColumn([integer('id'), integer('nom'), text('ville')], 'id'), 'ville');
    assert.equal(labelColumn([text('code'), integer('rang')], 'code'), 'code');
    assert.equal(labelColumn([integer('id'), integer('rang')], 'id'), 'id');
    assert.deepEqual(
      searchColumns([integer('id'), text('login'), text('pwd'), text('notes', 'text'), text('nom'), text('a'), text('b'), text('c'), text('d')], 'nom', 'id'),
      ['nom', 'login', 'a', 'b', 'c', 'id'],
    );
  });
});
