import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import {
  NAME_KEY_SQL,
  REASON_DOUBLON,
  REASON_HOMONYME,
  duplicateSearchCriteria,
  findDuplicates,
  firstPrenom,
  nameKey,
  type DuplicateCandidate,
  type DuplicateRow,
  type ElecteurDuplicateRow,
  type EtatMouvement,
  type MouvementDuplicateRow,
} from '../src/rules/doublons.ts';
import { nomRechercheSql } from '../src/rules/normalisation.ts';

const candidate: DuplicateCandidate = { liste: 'LP', nom: 'Lefèvre', prenoms: 'Hélène Marie', date_naissance: '1975-12-20' };

const electeur = (id: number, fields: Partial<ElecteurDuplicateRow> = {}): ElecteurDuplicateRow => ({
  source: 'electeur',
  electeur: id,
  liste: 'LP',
  nom: 'LEFEVRE',
  prenoms: 'HELENE',
  date_naissance: '1975-12-20',
  ...fields,
});

const inscription = (id: number, etat: EtatMouvement, fields: Partial<MouvementDuplicateRow> = {}): MouvementDuplicateRow => ({
  source: 'mouvement',
  mouvement: id,
  categorie: 'inscription',
  etat,
  liste: 'LP',
  nom: 'LEFEVRE',
  prenoms: 'HELENE',
  date_naissance: '1975-12-20',
  ...fields,
});

const ids = (matches: readonly { row: DuplicateRow }[]): string[] =>
  matches.map(({ row }) => (row.source === 'electeur' ? `e${row.electeur}` : `m${row.mouvement}`));

test('same birth name and birth date, accents and case aside: a doublon, with its reason', () => {
  const report = findDuplicates(candidate, [electeur(1, { nom: 'LEFÈVRE' }), electeur(2, { nom: 'lefevre' }), electeur(3, { nom: 'LEFEBVRE' })]);
  assert.deepEqual(ids(report.doublons), ['e1', 'e2']);
  assert.equal(report.doublons[0]?.kind, 'doublon');
  assert.equal(report.doublons[0]?.reason, 'même nom de naissance et même date de naissance');
  assert.equal(REASON_DOUBLON, 'même nom de naissance et même date de naissance');
  assert.deepEqual(report.homonymes, []);
});

test('the prénoms do not matter for a doublon: same name and date is enough', () => {
  const report = findDuplicates(candidate, [electeur(1, { prenoms: 'Paul' })]);
  assert.deepEqual(ids(report.doublons), ['e1']);
});

test('another birth date and another first name: nothing', () => {
  const report = findDuplicates(candidate, [electeur(1, { prenoms: 'Paul', date_naissance: '1980-01-01' })]);
  assert.deepEqual(report, { doublons: [], homonymes: [] });
});

test('a homonym: same name and first first name, another date — reported apart, as a weaker match', () => {
  const report = findDuplicates(candidate, [
    electeur(1, { prenoms: 'HÉLÈNE', date_naissance: '1976-12-20' }),
    electeur(2, { prenoms: 'Hélène, Louise', date_naissance: '1950-03-01' }),
    electeur(3, { prenoms: 'MARIE HELENE', date_naissance: '1975-12-21' }),
  ]);
  assert.deepEqual(report.doublons, []);
  assert.deepEqual(ids(report.homonymes), ['e1', 'e2']);
  assert.equal(report.homonymes[0]?.kind, 'homonyme');
  assert.equal(report.homonymes[0]?.reason, REASON_HOMONYME);
  assert.equal(REASON_HOMONYME, 'même nom de naissance et même premier prénom, date de naissance différente');
});

test('the first first name is the first word: « Jean-Pierre », « Jean Pierre » and « Jean-Luc » are homonyms of « Jean »', () => {
  assert.equal(firstPrenom('Jean-Pierre Marie'), 'JEAN');
  assert.equal(firstPrenom('  jean, Paul'), 'JEAN');
  assert.equal(firstPrenom('Éloïse'), 'ELOISE');
  assert.equal(firstPrenom(''), '');
  const jean = { ...candidate, nom: 'Martin', prenoms: 'Jean' };
  const rows = ['Jean-Pierre', 'Jean Pierre', 'Jean-Luc', 'Jeanne', 'Pierre Jean'].map((prenoms, index) =>
    electeur(index + 1, { nom: 'MARTIN', prenoms, date_naissance: '1960-01-01' }),
  );
  assert.deepEqual(ids(findDuplicates(jean, rows).homonymes), ['e1', 'e2', 'e3']);
});

test('a candidate without prénoms has no homonym, but still its doublons', () => {
  const report = findDuplicates({ ...candidate, prenoms: ' ' }, [electeur(1, { prenoms: '' , date_naissance: '1990-01-01' }), electeur(2)]);
  assert.deepEqual(ids(report.doublons), ['e2']);
  assert.deepEqual(report.homonymes, []);
});

test('compound names and particles: written apart, together or hyphenated, one name', () => {
  const fontaine = { ...candidate, nom: 'DE LA FONTAINE' };
  const rows = [
    electeur(1, { nom: 'Delafontaine' }),
    electeur(2, { nom: 'de La Fontaine' }),
    electeur(3, { nom: 'DE-LA-FONTAINE' }),
    electeur(4, { nom: "DE LA FONTAINE D'ARGENT" }),
    electeur(5, { nom: 'LAFONTAINE' }),
  ];
  assert.deepEqual(ids(findDuplicates(fontaine, rows).doublons), ['e1', 'e2', 'e3']);
  assert.deepEqual(ids(findDuplicates({ ...candidate, nom: "D'Artagnan" }, [electeur(1, { nom: 'DARTAGNAN' }), electeur(2, { nom: 'D ARTAGNAN' })]).doublons), ['e1', 'e2']);
  assert.equal(nameKey('  de la  Fontaine-Œuvre '), 'DELAFONTAINEOEUVRE');
});

test('the nom d’usage is never compared, on either side', () => {
  // The candidate's birth name is the row's married name: not a duplicate.
  const married = electeur(1, { nom: 'DURAND', nom_usage: 'LEFEVRE' });
  assert.deepEqual(findDuplicates(candidate, [married]), { doublons: [], homonymes: [] });
  // The row's birth name matches, whatever its nom d'usage.
  const report = findDuplicates(candidate, [electeur(2, { nom: 'Lefèvre', nom_usage: 'DURAND' })]);
  assert.deepEqual(ids(report.doublons), ['e2']);
});

test('inscriptions in progress count; refused and archived ones do not; other categories do not', () => {
  const rows: DuplicateRow[] = [
    inscription(10, 'a_instruire'),
    inscription(11, 'en_attente'),
    inscription(12, 'refuse'),
    inscription(13, 'archive'),
    inscription(14, 'accepte'),
    inscription(15, 'transmis'),
    inscription(16, 'a_instruire', { categorie: 'radiation' }),
    inscription(17, 'a_instruire', { categorie: 'modification' }),
  ];
  assert.deepEqual(ids(findDuplicates(candidate, rows).doublons), ['m10', 'm11', 'm14', 'm15']);
});

test('a homonym among the movements in progress; a refused one is ignored', () => {
  const rows: DuplicateRow[] = [
    inscription(20, 'refuse', { date_naissance: '1970-01-01' }),
    inscription(21, 'a_instruire', { date_naissance: '1970-01-01' }),
  ];
  const report = findDuplicates(candidate, rows);
  assert.deepEqual(report.doublons, []);
  assert.deepEqual(ids(report.homonymes), ['m21']);
});

test('electors before movements; an accepted inscription already on the list is reported once, as the elector', () => {
  const rows: DuplicateRow[] = [inscription(30, 'accepte', { electeur: 7 }), inscription(31, 'a_instruire'), electeur(7), inscription(32, 'accepte', { electeur: 8 })];
  assert.deepEqual(ids(findDuplicates(candidate, rows).doublons), ['e7', 'm31', 'm32']);
});

test('the movement checked again from its own form is not its own duplicate', () => {
  const rows = [inscription(40, 'a_instruire'), inscription(41, 'en_attente')];
  assert.deepEqual(ids(findDuplicates(candidate, rows, { ignoreMouvement: 40 }).doublons), ['m41']);
});

test('another list is not compared', () => {
  const rows = [electeur(1, { liste: 'LCE' }), inscription(2, 'a_instruire', { liste: 'LCM' })];
  assert.deepEqual(findDuplicates(candidate, rows), { doublons: [], homonymes: [] });
  assert.deepEqual(ids(findDuplicates({ ...candidate, liste: 'LCE' }, rows).doublons), ['e1']);
});

test('dates compare by day, whatever follows the ISO day', () => {
  const report = findDuplicates(candidate, [electeur(1, { date_naissance: '1975-12-20T00:00:00' }), electeur(2, { date_naissance: '1975-12-02' })]);
  assert.deepEqual(ids(report.doublons), ['e1']);
});

test('a name without any letter matches nothing', () => {
  assert.deepEqual(findDuplicates({ ...candidate, nom: " - ' " }, [electeur(1, { nom: '-' })]), { doublons: [], homonymes: [] });
});

test('the SQL criteria: the list and the name key to bind, the states to leave out', () => {
  const criteria = duplicateSearchCriteria({ ...candidate, nom: 'de La Fontaine-Œuvre' });
  assert.deepEqual(criteria.equalities, [
    { sql: 'liste', value: 'LP' },
    { sql: "replace(nom_recherche, ' ', '')", value: 'DELAFONTAINEOEUVRE' },
  ]);
  assert.equal(NAME_KEY_SQL, "replace(nom_recherche, ' ', '')");
  assert.deepEqual(criteria.etatsIgnores, ['refuse', 'archive']);
  assert.equal(criteria.categorie, 'inscription');
});

describeEachDatabase('the duplicate criteria in SQL', (database) => {
  test('the criteria read by index only the rows of the name, which findDuplicates then sorts out', async () => {
    // A table shaped like elections.electeur for what the criteria touch, with nom_recherche computed by nomRechercheSql.
    await database().asOwner(
      `create schema essai_doublons;
       create table essai_doublons.personne (
         personne integer primary key, liste varchar(3) not null, nom varchar(100) not null, prenoms varchar(150) not null,
         date_naissance date not null,
         nom_recherche varchar(100) generated always as ((${nomRechercheSql('nom')})::varchar(100)) stored);
       create index personne_doublon on essai_doublons.personne (liste, (${NAME_KEY_SQL}));
       insert into essai_doublons.personne (personne, liste, nom, prenoms, date_naissance) values
         (1, 'LP', 'de La Fontaine', 'Jean', '1975-12-20'),
         (2, 'LP', 'DELAFONTAINE', 'Jean-Paul', '1980-02-01'),
         (3, 'LP', 'De-La-Fontaine', 'Marie', '1990-06-30'),
         (4, 'LCE', 'DE LA FONTAINE', 'Jean', '1975-12-20'),
         (5, 'LP', 'LAFONTAINE', 'Jean', '1975-12-20');
       analyze essai_doublons.personne;`,
      'essai_doublons',
    );
    const db = database().db.kysely;
    const criteria = duplicateSearchCriteria({ liste: 'LP', nom: 'Delafontaine', prenoms: 'Jean', date_naissance: '1975-12-20' });
    const where = sql.join(criteria.equalities.map((equality) => sql`${sql.raw(equality.sql)} = ${equality.value}`), sql` and `);
    const { rows } = await sql<{ personne: number; liste: string; nom: string; prenoms: string; date_naissance: string }>`
      select personne, liste, nom, prenoms, to_char(date_naissance, 'YYYY-MM-DD') as date_naissance
        from essai_doublons.personne where ${where} order by personne`.execute(db);
    assert.deepEqual(rows.map((row) => row.personne), [1, 2, 3]);
    const report = findDuplicates(
      { liste: 'LP', nom: 'Delafontaine', prenoms: 'Jean', date_naissance: '1975-12-20' },
      rows.map((row) => ({ source: 'electeur' as const, electeur: row.personne, ...row })),
    );
    assert.deepEqual(ids(report.doublons), ['e1']);
    assert.deepEqual(ids(report.homonymes), ['e2']);

    // The same query uses the index on (liste, name key) once sequential scans are ruled out.
    const plan = await db.connection().execute(async (connection) => {
      await sql`set enable_seqscan = off`.execute(connection);
      try {
        return await sql<{ 'QUERY PLAN': string }>`explain select personne from essai_doublons.personne where ${where}`.execute(connection);
      } finally {
        await sql`reset enable_seqscan`.execute(connection);
      }
    });
    assert.match(plan.rows.map((row) => row['QUERY PLAN']).join('\n'), /personne_doublon/);
  });
});
