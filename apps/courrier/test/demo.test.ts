/**
 * Libreville's demo mail registry, on both databases: 15 services in a hierarchy, 20 élus, about
 * 900 correspondents, 3,000 arrivals and 1,000 departures over the year to « today », numbered per
 * register and year from 1 without gap in date order with the counters at the last rank (the next
 * registration continues), reply tasks answered on time, late, open and late, not yet due; a visa
 * circuit in progress, a refusal, a visé letter; threads; scans stamped in their dossiers and three
 * waiting in the administrator's intake; every task visible to its service's agents; loaded once,
 * in a few seconds (printed).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../../framework/src/access/actor.ts';
import { loadActor } from '../../../framework/src/access/load-actor.ts';
import { readAs, writeAs } from '../../../framework/src/db/index.ts';
import { fileStoreOf } from '../../../framework/src/files/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { parametresCourrier } from '../src/core/parametres.ts';
import { prochainNumero } from '../src/core/registres.ts';
import { loadCourrierDemo, type CourrierDemo } from '../src/demo.ts';
import { AGENTS, loginDe } from '../demo/organisation.ts';
import { courrierRuntime, SOURCES } from './support.ts';

const AUJOURDHUI = '2026-03-16';
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

describeEachDatabase(
  'courrier : données de démonstration',
  (database) => {
    let runtime: TestRuntime;
    let resume: CourrierDemo | undefined;
    const query = <T>(text: string) => database().ownerQuery<T>(text);
    const compte = async (text: string) => Number((await query<{ n: number }>(`select count(*)::int as n from ${text}`))[0]?.n);

    before(async () => {
      runtime = await courrierRuntime(database());
      // The instance's administrator, as `commun start` creates him (niveau-2 collectivité, ADMINISTRATEUR).
      await database().asOwner(`insert into om.om_utilisateur (nom, email, login, pwd, om_collectivite, om_profil)
        values ('Administrateur', 'admin@localhost', 'admin', '!', 2, 1)`);
      resume = await loadCourrierDemo(runtime, AUJOURDHUI);
      console.log(`# démo courrier (${database().kind}) : ${resume?.ms} ms, ${JSON.stringify(resume)}`);
    });

    test('3,000 arrivals and 1,000 departures over the year to today; 15 services in a hierarchy; 20 élus; about 900 correspondents', async () => {
      assert.ok(resume);
      const registres = await query<{ registre: string; n: number; premier: string; dernier: string }>(`select registre, count(*)::int as n,
        min(coalesce(date_arrivee, date_courrier))::text as premier, max(coalesce(date_arrivee, date_courrier))::text as dernier
        from courrier.courrier group by registre order by registre`);
      assert.deepEqual(registres.map((r) => [r.registre, r.n]), [['arrivee', 3000], ['depart', 1000]]);
      for (const r of registres) assert.ok(r.premier >= '2025-03-17' && r.premier <= '2025-03-24' && r.dernier <= AUJOURDHUI && r.dernier >= '2026-03-09', `${r.registre} du ${r.premier} au ${r.dernier}`);
      assert.equal(await compte(`courrier.service where om_collectivite = 1`), 15);
      assert.equal(await compte(`courrier.service where courriel <> lower(code) || '@libreville.fr'`), 0);
      assert.deepEqual(await query(`select s.code, p.code as parent from courrier.service s left join courrier.service p on p.service = s.service_parent
        where s.code in ('URBA', 'VOIRIE', 'EV', 'CAB') order by s.code`), [
        { code: 'CAB', parent: null },
        { code: 'EV', parent: 'URBA' },
        { code: 'URBA', parent: 'DG' },
        { code: 'VOIRIE', parent: 'URBA' },
      ]);
      assert.equal(await compte(`courrier.elu`), 20);
      assert.equal(await compte(`courrier.elu where copie_auto`), 3);
      const correspondants = await compte(`courrier.correspondant`);
      assert.equal(correspondants, resume.correspondants);
      assert.ok(correspondants >= 850 && correspondants <= 950, `${correspondants} correspondants`);
      assert.equal(await compte(`(select cle_doublon from courrier.correspondant group by cle_doublon having count(*) > 1) d`), 0, 'no duplicate correspondent');
      assert.deepEqual((await query<{ code: string }>(`select code from courrier.nature order by code`)).map((row) => row.code), ['CHRONO', 'DEP', 'FAX', 'LET', 'LRAR', 'MEL', 'TELEC']);
      assert.deepEqual(await query(`select code, delai_reponse from courrier.categorie where code in ('REC', 'ETC', 'URB', 'INV') order by code`), [
        { code: 'ETC', delai_reponse: 10 },
        { code: 'INV', delai_reponse: null },
        { code: 'REC', delai_reponse: 8 },
        { code: 'URB', delai_reponse: 30 },
      ]);
      assert.equal(await compte(`courrier.bible`), 13);
      const confidentiels = await compte(`courrier.courrier where confidentiel`);
      assert.ok(confidentiels >= 40 && confidentiels <= 110, `${confidentiels} confidentiels`);
      assert.ok(await compte(`courrier.courrier where priorite = 'urgente'`) > 20);
      assert.ok(await compte(`courrier.copie where service is not null`) > 300);
      assert.ok(await compte(`courrier.copie where elu is not null`) > 100);
    });

    test('per register and year, ranks 1..N without gap in date order, numbers in the pattern, counters at N; the next registration continues at N+1', async () => {
      const registres = await query<{ registre: string; annee: number; n: number; premier: number; dernier: number; distincts: number; compteur: number }>(`
        select r.*, k.dernier as compteur
          from (select registre, extract(year from coalesce(date_arrivee, date_courrier))::int as annee, count(*)::int as n, min(rang) as premier,
                       max(rang) as dernier, count(distinct rang)::int as distincts
                  from courrier.courrier group by 1, 2) r
          left join om.om_compteur k on k.application = 'courrier' and k.registre = r.registre and k.periode = r.annee and k.om_collectivite = 1
         order by 1, 2`);
      assert.deepEqual(registres.map((r) => [r.registre, r.annee]), [['arrivee', 2025], ['arrivee', 2026], ['depart', 2025], ['depart', 2026]]);
      for (const r of registres) {
        assert.deepEqual([r.premier, r.dernier, r.distincts, r.compteur], [1, r.n, r.n, r.n], `${r.registre} ${r.annee}`);
      }
      assert.equal(await compte(`courrier.courrier where numero <> case registre when 'arrivee' then extract(year from date_arrivee)::int || '-' || rang
        else extract(year from date_courrier)::int || '-D-' || rang end`), 0, 'numbers follow [annee]-[seq] and [annee]-D-[seq]');
      assert.equal(await compte(`courrier.courrier a join courrier.courrier b on a.registre = b.registre
        and extract(year from coalesce(a.date_arrivee, a.date_courrier)) = extract(year from coalesce(b.date_arrivee, b.date_courrier))
        and a.rang < b.rang and coalesce(a.date_arrivee, a.date_courrier) > coalesce(b.date_arrivee, b.date_courrier)`), 0, 'ranks in date order');
      const derniere = registres.find((r) => r.registre === 'arrivee' && r.annee === 2026);
      const suivant = await writeAs(database().db.kysely, SYSTEM_ACTOR, async (trx) => prochainNumero(trx, 'arrivee', 1, await parametresCourrier(trx, 1), AUJOURDHUI));
      assert.equal(suivant.number, `2026-${Number(derniere?.n) + 1}`);
      const depart = registres.find((r) => r.registre === 'depart' && r.annee === 2026);
      const suivantDepart = await writeAs(database().db.kysely, SYSTEM_ACTOR, async (trx) => prochainNumero(trx, 'depart', 1, await parametresCourrier(trx, 1), AUJOURDHUI));
      assert.equal(suivantDepart.number, `2026-D-${Number(depart?.n) + 1}`);
    });

    test('reply tasks: about 40 % of arrivals; answered by a linked departure or a free text, on time or late; some late and open, some not yet due', async () => {
      const souhaitees = await compte(`courrier.courrier where reponse_souhaitee`);
      assert.ok(souhaitees >= 1050 && souhaitees <= 1350, `${souhaitees} réponses souhaitées`);
      assert.equal(await compte(`courrier.courrier c where reponse_souhaitee and (select count(*) from courrier.tache t join courrier.tache_categorie k using (tache_categorie)
        where t.courrier = c.courrier and t.automatique and k.code = 'REP') <> 1`), 0, 'one REP task per letter wanting a reply');
      assert.equal(await compte(`courrier.tache t join courrier.courrier c using (courrier) where t.automatique and
        (t.libelle <> left('Répondre : ' || c.objet, 200) or t.service <> c.service or t.date_creation <> c.date_arrivee
         or t.date_butoir <> c.date_arrivee + coalesce((select delai_reponse from courrier.categorie k where k.categorie = c.categorie), 15))`), 0,
        'as src/taches/automatique.ts writes them: libellé, service, created on arrival, due after the catégorie’s delay');
      const enRetard = await compte(`courrier.tache where not solde and date_butoir < '${AUJOURDHUI}'`);
      assert.ok(enRetard >= 20 && enRetard <= 200, `${enRetard} tâches en retard`);
      assert.ok(await compte(`courrier.tache where solde and date_execution > date_butoir`) >= 50, 'some answered late');
      assert.ok(await compte(`courrier.tache where not solde and date_butoir >= '${AUJOURDHUI}'`) >= 20, 'some not yet due');
      const parDepart = await compte(`courrier.tache t join courrier.courrier d on d.courrier = t.reponse where t.solde and d.registre = 'depart' and d.reponse_a = t.courrier and d.etat = 'parti'`);
      assert.ok(parDepart >= 500, `${parDepart} réponses par un courrier de départ`);
      assert.equal(await compte(`courrier.tache where solde and (reponse is null) = (chronoreponse is null) and automatique`), 0, 'a closed reply task has its reply: a departure or a free text');
      assert.equal(await compte(`courrier.tache where solde and date_execution is null`), 0);
      assert.equal(await compte(`courrier.tache t join courrier.tache_etat e using (tache_etat) where t.solde <> (e.code = 'TR')`), 0);
      // Hand tasks follow the hierarchy rule: a sub-service of the processing service.
      assert.equal(await compte(`courrier.tache t join courrier.courrier c using (courrier) join courrier.service s on s.service = t.service
        where not t.automatique and s.service_parent is distinct from c.service`), 0);
      assert.ok(await compte(`courrier.tache where not automatique`) >= 120);
      assert.equal(await compte(`courrier.tache where notifie_le is null`), 0, 'nothing waits to be announced at start-up');
    });

    test('departures in every state: mostly gone, projects, three in a visa circuit (first step decided), one refused with an annotation, one visé', async () => {
      const etats = Object.fromEntries((await query<{ etat: string; n: number }>(`select etat, count(*)::int as n from courrier.courrier where registre = 'depart' group by etat`)).map((r) => [r.etat, r.n]));
      assert.deepEqual({ ...etats, parti: undefined }, { en_visa: 3, refuse: 1, vise: 1, projet: 9, parti: undefined });
      assert.equal(etats.parti, 986);
      const circuits = await query<{ courrier: number; etapes: string }>(`select v.courrier, string_agg(v.rang || ':' || coalesce(v.decision, '…'), ' ' order by v.rang) as etapes
        from courrier.visa v join courrier.courrier c using (courrier) where c.etat = 'en_visa' group by v.courrier order by 1`);
      assert.deepEqual(circuits.map((c) => c.etapes).sort(), ['1:vise 2:…', '1:vise 2:… 3:…', '1:vise 2:… 3:…']);
      assert.deepEqual(await query(`select v.decision, v.annotation from courrier.visa v join courrier.courrier c using (courrier) where c.etat = 'refuse' order by v.rang`), [
        { decision: 'vise', annotation: null },
        { decision: 'refuse', annotation: 'Reformuler le deuxième paragraphe et joindre le plan de situation.' },
      ]);
      assert.equal(await compte(`courrier.courrier where registre = 'depart' and etat = 'parti' and date_depart is null`), 0);
      assert.equal(await compte(`courrier.courrier where registre = 'depart' and etat <> 'parti' and date_depart is not null`), 0);
      assert.ok(await compte(`courrier.courrier where envoye_le is not null and envoye_a like '%@%'`) > 20, 'some sent by e-mail');
      // Threads of three: a letter, our reply, the correspondent's next letter linked to both.
      assert.equal(await compte(`courrier.courrier_lien`), 80);
      assert.equal(await compte(`courrier.courrier_lien l join courrier.courrier s on s.courrier = l.courrier join courrier.courrier p on p.courrier = l.courrier_lie
        where s.correspondant <> p.correspondant or s.registre <> 'arrivee'`), 0);
    });

    test('the head of the mail room has tasks (one late) and a visa step waiting; the administrator reads every service’s mail', async () => {
      const chef = loginDe(AGENTS[0] ?? { prenom: '', nom: '' });
      const [taches] = await query<{ n: number; retard: number }>(`select count(*)::int as n, count(*) filter (where t.date_butoir < '${AUJOURDHUI}')::int as retard
        from courrier.tache t join courrier.agent a on a.agent = t.agent join om.om_utilisateur u using (om_utilisateur) where u.login = '${chef}' and not t.solde`);
      assert.deepEqual(taches, { n: 6, retard: 1 });
      assert.equal(await compte(`courrier.visa v join courrier.courrier c using (courrier) join courrier.agent a on a.agent = v.agent join om.om_utilisateur u using (om_utilisateur)
        where u.login = '${chef}' and c.etat = 'en_visa' and v.decision is null
          and not exists (select from courrier.visa p where p.courrier = v.courrier and p.rang < v.rang and p.decision is null)`), 1);
      const [admin] = await query<{ om_utilisateur: number; tous_services: boolean; om_collectivite: number }>(`select u.om_utilisateur, a.tous_services, a.om_collectivite
        from courrier.agent a join om.om_utilisateur u using (om_utilisateur) where u.login = 'admin'`);
      assert.equal(admin?.tous_services, true);
      const actor = await loadActor(database().db.kysely, Number(admin?.om_utilisateur), 1);
      assert.ok(actor);
      const vus = await readAs(database().db.kysely, actor, async (db) => Number((await sql<{ n: number }>`select count(*)::int as n from courrier.courrier`.execute(db)).rows[0]?.n));
      assert.equal(vus, 4000 - (await compte(`courrier.courrier where confidentiel`)));
    });

    test('every task’s mail is visible to the agents of the task’s service', async () => {
      const agents = await query<{ om_utilisateur: number; service: number }>(`select a.om_utilisateur, a.service from courrier.agent a where not a.tous_services order by a.agent`);
      assert.equal(agents.length, 13);
      for (const agent of agents) {
        const actor = await loadActor(database().db.kysely, Number(agent.om_utilisateur));
        assert.ok(actor);
        const attendues = await compte(`courrier.tache where service = ${agent.service}`);
        const vues = await readAs(database().db.kysely, actor, async (db) =>
          Number((await sql<{ n: number }>`select count(*)::int as n from courrier.tache t join courrier.courrier c using (courrier) where t.service = ${agent.service}`.execute(db)).rows[0]?.n));
        assert.equal(vues, attendues, `${actor.login}`);
      }
    });

    test('thirty scans stamped in their dossiers, the originals kept; three waiting in the administrator’s intake', async () => {
      const scans = await query<{ numero: string; date_arrivee: string; fichier: string; original: string }>(`select c.numero, to_char(c.date_arrivee, 'DD/MM/YYYY') as date_arrivee, d.fichier, d.original
        from courrier.document d join courrier.courrier c using (courrier) where d.type_document = 'scan' order by c.numero`);
      assert.equal(scans.length, 30);
      assert.equal(await compte(`om.om_fichier f where not f.temporaire and f.om_collectivite = 1 and f.om_fichier::text in (select fichier from courrier.document union select original from courrier.document)`), 60);
      const store = fileStoreOf(runtime);
      const premier = scans[0];
      assert.ok(premier);
      const tamponne = readFileSync(store.pathOf(premier.fichier));
      const original = readFileSync(store.pathOf(premier.original));
      assert.equal(tamponne.subarray(0, 5).toString(), '%PDF-');
      assert.notDeepEqual(tamponne, original);
      assert.ok(tamponne.length < 20_000, `${tamponne.length} octets`);
      if (HAS_PDFTOTEXT) {
        const texte = execFileSync('pdftotext', ['-l', '1', '-enc', 'UTF-8', store.pathOf(premier.fichier), '-'], { encoding: 'utf8' });
        assert.match(texte, new RegExp(`Courrier arrivé n° ${premier.numero}\\s+le ${premier.date_arrivee.replaceAll('/', '\\/')}`));
      }
      assert.deepEqual(await query(`select a.source, a.application, a.type_mime from om.om_fichier_attente a join om.om_utilisateur u using (om_utilisateur) where u.login = 'admin'`), [
        { source: 'dossier', application: 'courrier', type_mime: 'application/pdf' },
        { source: 'dossier', application: 'courrier', type_mime: 'application/pdf' },
        { source: 'dossier', application: 'courrier', type_mime: 'application/pdf' },
      ]);
    });

    test('loaded once, in a few seconds: a second call writes nothing', async () => {
      assert.ok(resume && resume.ms < 30_000, `chargée en ${resume?.ms} ms`);
      assert.equal(await loadCourrierDemo(runtime, AUJOURDHUI), undefined);
      assert.equal(await compte(`courrier.courrier`), 4000);
    });
  },
  { sources: SOURCES },
);
