/**
 * The procédure de reprise (part C), on both databases: the legal delays, each refused with a
 * French message naming the dates, then accepted; the order of the steps; the late notification
 * as a warning; « en reprise » on the emplacement while en cours; « Abandonner la procédure » and
 * « Prononcer la reprise » (concession etat reprise); the reprise letters printed and read back.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Hono } from 'hono';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { runAction } from '../../../framework/src/records/index.ts';
import { createApp } from '../../../framework/src/web/app.tsx';
import type { AppEnv } from '../../../framework/src/web/env.ts';
import { Browser } from '../../../framework/test/support/auth.ts';
import { describeEachDatabase, type TestDatabase } from '../../../framework/test/support/databases.ts';
import { pdfPages } from '../../../framework/test/support/pdf-text.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { controlerEtapes, type Etapes } from '../src/reprise/delais.ts';
import {
  cimetiereActors,
  cimetiereObject,
  cimetiereRuntime,
  creerDefunt,
  creerEmplacement,
  creerLocalisation,
  depsOf,
  inserer,
  PASSWORD,
  refusal,
  service,
  SOURCES,
} from './support.ts';

const VIDE: Etapes = {
  date_premier_constat: null,
  date_notification: null,
  date_fin_affichage: null,
  date_second_constat: null,
  date_deliberation: null,
  date_arrete: null,
  date_reprise: null,
};
const ANCIENNE = { dateActe: '1980-04-01', derniereInhumation: '1995-06-01' };
const controle = (etapes: Partial<Etapes>, contexte = ANCIENNE) => controlerEtapes({ ...VIDE, ...etapes }, contexte);
const plat = (texte: string) => texte.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ');

test('the delays: each one refused the day before, accepted on the day', () => {
  const premier = '2020-03-02';
  assert.match(controle({ date_premier_constat: premier }, { dateActe: '1990-03-02', derniereInhumation: '1995-01-01' }).erreurs.date_premier_constat ?? '',
    /^La concession date du 02\/03\/1990 : une procédure de reprise ne peut commencer qu’après trente ans d’existence, soit après le 02\/03\/2020 \(CGCT L2223-17\)\.$/);
  assert.deepEqual(controle({ date_premier_constat: premier }, { dateActe: '1990-03-01', derniereInhumation: '1995-01-01' }).erreurs, {});
  assert.match(controle({ date_premier_constat: premier }, { dateActe: '1980-01-01', derniereInhumation: '2010-03-02' }).erreurs.date_premier_constat ?? '',
    /La dernière inhumation date du 02\/03\/2010 : la procédure ne peut commencer que dix ans après, soit après le 02\/03\/2020/);

  const base = { date_premier_constat: premier, date_notification: '2020-03-05' };
  assert.match(controle({ ...base, date_notification: '2020-03-01' }).erreurs.date_notification ?? '', /ne peut précéder le premier constat d’abandon \(02\/03\/2020\)/);
  assert.equal(controle({ ...base, date_notification: '2020-03-11' }).avertissements.length, 1, 'nine days: a warning');
  assert.match(controle({ ...base, date_notification: '2020-03-11' }).avertissements[0] ?? '', /plus de huit jours après le premier constat/);
  assert.equal(controle({ ...base, date_notification: '2020-03-10' }).avertissements.length, 0);

  const affiche = { ...base, date_fin_affichage: '2020-04-02' };
  assert.match(controle({ ...base, date_fin_affichage: '2020-04-01' }).erreurs.date_fin_affichage ?? '',
    /^La fin de l’affichage \(01\/04\/2020\) doit venir un mois au moins après le premier constat, soit le 02\/04\/2020 au plus tôt \(CGCT R2223-13\)\.$/);
  assert.deepEqual(controle(affiche).erreurs, {});
  const second = { ...affiche, date_second_constat: '2023-03-02' };
  assert.match(controle({ ...affiche, date_second_constat: '2023-03-01' }).erreurs.date_second_constat ?? '', /trois ans au moins après le premier constat, soit le 02\/03\/2023 au plus tôt/);
  assert.deepEqual(controle(second).erreurs, {});
  const deliberation = { ...second, date_deliberation: '2023-04-02' };
  assert.match(controle({ ...second, date_deliberation: '2023-04-01' }).erreurs.date_deliberation ?? '', /un mois au moins après le second constat, soit le 02\/04\/2023 au plus tôt \(CGCT L2223-17\)/);
  const arrete = { ...deliberation, date_arrete: '2023-04-02' };
  assert.match(controle({ ...deliberation, date_arrete: '2023-04-01' }).erreurs.date_arrete ?? '', /L’arrêté de reprise \(01\/04\/2023\) ne peut précéder la délibération du conseil municipal \(02\/04\/2023\)/);
  assert.deepEqual(controle(arrete).erreurs, {});
  assert.match(controle({ ...arrete, date_reprise: '2023-05-01' }).erreurs.date_reprise ?? '', /trente jours au moins après l’arrêté, soit le 02\/05\/2023 au plus tôt \(CGCT R2223-21\)/);
  assert.deepEqual(controle({ ...arrete, date_reprise: '2023-05-02' }).erreurs, {});

  assert.equal(controle({ date_premier_constat: premier, date_second_constat: '2024-01-01' }).erreurs.date_second_constat,
    'Le second constat suppose la fin de l’affichage : saisissez d’abord sa date.');
});

describeEachDatabase(
  'cimetiere : procédure de reprise',
  (database: () => TestDatabase) => {
    let runtime: TestRuntime;
    let app: Hono<AppEnv>;
    let actors: Record<'chef' | 'agent' | 'lecteur' | 'autre', Actor>;
    let voie: number;
    let numero = 0;
    const etatDe = async (table: string, id: number): Promise<string> =>
      String((await database().ownerQuery<{ etat: string }>(`select etat from cimetiere.${table} where ${table} = ${id}`))[0]?.etat);
    const ancienne = async (famille: string) => {
      const emplacement = await creerEmplacement(database(), voie, ++numero, { famille });
      const concession = await inserer(database(), 'concession', {
        emplacement, numero_acte: `1980-${numero}`, date_acte: '1980-04-01', date_vente: '1980-04-01', duree_type: 'perpetuelle', om_collectivite: 1,
      });
      await creerDefunt(database(), emplacement, famille, { date_inhumation: '1995-06-01' });
      await inserer(database(), 'autorisation', { emplacement, nature: 'ayant_droit', nom: famille, prenom: 'Louise', parente: 'petite-fille', om_collectivite: 1 });
      return { emplacement, concession };
    };
    const action = (id: number, nom: string, input: Record<string, string>) =>
      runAction(depsOf(runtime), actors.chef, cimetiereObject(runtime, 'reprise'), String(id), nom, input);

    before(async () => {
      runtime = await cimetiereRuntime(database());
      app = createApp(runtime);
      actors = await cimetiereActors(database());
      ({ voie } = await creerLocalisation(database()));
    });

    test('steps entered through the records service: refused with the dates named, then accepted; en reprise; prononcer', async () => {
      const { emplacement, concession } = await ancienne('Lefèvre');
      const reprises = service(runtime, actors.chef, 'reprise');
      const tropJeune = await refusal(() => reprises.create({ emplacement, concession, date_premier_constat: '2010-03-01' }));
      assert.match(JSON.stringify(tropJeune.fields), /La concession date du 01\/04\/1980 : une procédure de reprise ne peut commencer qu’après trente ans d’existence, soit après le 01\/04\/2010/);
      const recent = await creerDefunt(database(), emplacement, 'Lefèvre', { prenom: 'Marc', date_inhumation: '2012-01-01' });
      const tropTot = await refusal(() => reprises.create({ emplacement, concession, date_premier_constat: '2020-03-02' }));
      assert.match(JSON.stringify(tropTot.fields), /La dernière inhumation date du 01\/01\/2012 : la procédure ne peut commencer que dix ans après, soit après le 01\/01\/2022/);
      await database().asOwner(`delete from cimetiere.defunt where defunt = ${recent}`);
      assert.equal((await database().ownerQuery<{ n: number }>(`select count(*)::int as n from cimetiere.reprise where emplacement = ${emplacement}`))[0]?.n, 0);
      await assert.rejects(() => service(runtime, actors.agent, 'reprise').create({ emplacement, concession, date_premier_constat: '2020-03-02' }), { code: 'forbidden' });

      const warnings: string[] = [];
      const { createRecord } = await import('../../../framework/src/records/index.ts');
      const creee = await createRecord(depsOf(runtime), actors.chef, cimetiereObject(runtime, 'reprise'),
        { emplacement, concession, date_premier_constat: '2020-03-02', date_notification: '2020-03-20' }, { warnings });
      assert.match(warnings.join(' '), /La notification aux familles \(20\/03\/2020\) est faite plus de huit jours après le premier constat \(02\/03\/2020\)/);
      const id = Number(creee['reprise']);
      assert.equal(creee['etat'], 'en_cours');
      assert.equal(await etatDe('emplacement', emplacement), 'en_reprise');
      const abandon = (await database().ownerQuery<{ abandon: boolean }>(`select abandon from cimetiere.emplacement where emplacement = ${emplacement}`))[0];
      assert.equal(abandon?.abandon, true);

      const secondTot = await refusal(() => reprises.update(id, { date_fin_affichage: '2020-04-02', date_second_constat: '2023-03-01' }));
      assert.match(JSON.stringify(secondTot.fields), /Le second constat \(01\/03\/2023\) doit venir trois ans au moins après le premier constat, soit le 02\/03\/2023 au plus tôt/);
      await reprises.update(id, { date_fin_affichage: '2020-04-02', date_second_constat: '2023-03-02' });
      const deliberationTot = await refusal(() => reprises.update(id, { date_deliberation: '2023-03-20' }));
      assert.match(JSON.stringify(deliberationTot.fields), /soit le 02\/04\/2023 au plus tôt/);
      await assert.rejects(() => action(id, 'prononcer', { date_reprise: '01/06/2023' }), { code: 'unavailable_action' });
      await reprises.update(id, { date_deliberation: '2023-04-02', date_arrete: '2023-04-10' });

      await assert.rejects(() => action(id, 'prononcer', { date_reprise: '09/05/2023' }), /trente jours au moins après l’arrêté, soit le 10\/05\/2023 au plus tôt/);
      assert.equal(await etatDe('reprise', id), 'en_cours', 'nothing written');
      const fait = await action(id, 'prononcer', { date_reprise: '10/05/2023' });
      assert.match(fait.message, /^Reprise prononcée le 10\/05\/2023 : le terrain revient à la commune\./);
      assert.equal(await etatDe('reprise', id), 'reprise');
      assert.equal(await etatDe('concession', concession), 'reprise');
      assert.equal(await etatDe('emplacement', emplacement), 'occupe', 'the remains are still there until the fin de concession');
      const close = await refusal(() => reprises.update(id, { observation: 'encore' }));
      assert.match(JSON.stringify(close.fields), /Cette procédure est close/);
      assert.match((await refusal(() => reprises.delete(id))).message, /Seule une procédure en cours, avant son second constat, se supprime/);
    });

    test('abandoned by the family: no longer en reprise; one procédure en cours per emplacement', async () => {
      const { emplacement, concession } = await ancienne('Garnier');
      const reprises = service(runtime, actors.chef, 'reprise');
      const creee = await reprises.create({ emplacement, concession, date_premier_constat: '2021-01-04' });
      const double = await refusal(() => reprises.create({ emplacement, concession, date_premier_constat: '2021-02-01' }));
      assert.match(JSON.stringify(double.fields), /Une procédure de reprise est déjà en cours sur cet emplacement/);
      const erreur = await reprises.create({ emplacement: (await ancienne('Erreur')).emplacement, date_premier_constat: '2021-01-04' });
      await reprises.delete(erreur['reprise']);
      const liberee = (await database().ownerQuery<{ etat: string; abandon: boolean }>(`select etat, abandon from cimetiere.emplacement where emplacement = ${String(erreur['emplacement'])}`))[0];
      assert.deepEqual({ ...liberee }, { etat: 'occupe', abandon: false }, 'a procédure entered by mistake is deleted, the emplacement no longer en reprise');
      await assert.rejects(() => action(Number(creee['reprise']), 'abandonner', { motif_abandon: '' }), /Donnez le motif/);
      const fait = await action(Number(creee['reprise']), 'abandonner', { motif_abandon: 'Sépulture remise en état par la famille.' });
      assert.equal(fait.message, 'Procédure de reprise abandonnée : l’emplacement n’est plus en reprise.');
      assert.equal(await etatDe('reprise', Number(creee['reprise'])), 'abandonnee');
      assert.equal(await etatDe('emplacement', emplacement), 'occupe');
      assert.equal(await etatDe('concession', concession), 'active');
    });

    test('the reprise letters: procès-verbal, notification, arrêté (only once its date is there), read back', async () => {
      const { emplacement, concession } = await ancienne('Roux');
      const creee = await service(runtime, actors.chef, 'reprise').create({ emplacement, concession, date_premier_constat: '2021-05-03', date_notification: '2021-05-05' });
      const id = Number(creee['reprise']);
      const browser = new Browser(app);
      assert.equal((await browser.login('agent', PASSWORD)).status, 303);
      const pdf = async (lettre: string) => {
        const response = await browser.get(`/cimetiere/reprise/${id}/pdf/lettretype/${lettre}`, { Accept: 'text/html' });
        const bytes = new Uint8Array(await response.arrayBuffer());
        const estPdf = (response.headers.get('content-type') ?? '').startsWith('application/pdf');
        return { status: response.status, texte: plat(estPdf ? (await pdfPages(bytes.slice())).join('\n') : new TextDecoder().decode(bytes)) };
      };
      const pv = await pdf('cimetiere_reprise_constat');
      assert.equal(pv.status, 200);
      assert.match(pv.texte, /Procès-verbal de constat d’abandon/);
      assert.match(pv.texte, /Le 03\/05\/2021, nous, maire de Libreville/);
      assert.match(pv.texte, /concédé à la famille Roux par l’acte n° 1980-\d+ du 01\/04\/1980/);
      assert.match(pv.texte, /Défunts inhumés : Roux/);
      const notification = await pdf('cimetiere_reprise_notification');
      assert.match(notification.texte, /À l’attention de : Roux Louise/);
      assert.match(notification.texte, /Par procès-verbal du 03\/05\/2021/);
      const sansArrete = await pdf('cimetiere_reprise_arrete');
      assert.notEqual(sansArrete.status, 200);
      await database().asOwner(`update cimetiere.reprise set date_fin_affichage = '2021-06-03', date_second_constat = '2024-05-03', date_deliberation = '2024-06-10', date_arrete = '2024-06-20' where reprise = ${id}`);
      const arrete = await pdf('cimetiere_reprise_arrete');
      assert.equal(arrete.status, 200);
      assert.match(arrete.texte, /Vu les procès-verbaux de constat d’abandon des 03\/05\/2021 et 03\/05\/2024/);
      assert.match(arrete.texte, /Vu la délibération du conseil municipal du 10\/06\/2024/);
      assert.match(arrete.texte, /Fait à Libreville, le 20\/06\/2024/);
    });
  },
  { sources: SOURCES },
);
