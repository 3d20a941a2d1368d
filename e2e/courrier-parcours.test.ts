/**
 * The mail registry's journey in Chromium (issue 15, « Done when »), on both databases: the mail
 * room's agent drops a scan on « Mes documents numérisés », registers the incoming letter from it
 * (the waiting scan preselected; number « AAAA-1 »; the stamped PDF of the dossier read back, the
 * original kept byte for byte; its accusé de réception and récapitulatif read back), routed to URBA
 * with « réponse souhaitée »: the automatic task is due on arrival + 8 days and its e-mail links to
 * it. URBA's agent follows that link, finds the mail in his work queues, answers it with a departure
 * mail (« Répondre », prefilled; « AAAA-D-1 »; both in the « Fil du courrier »), closes the task with
 * the departure as its reply, and finds it all on the correspondent's page and history (archives
 * included). A late task shows on the dashboard and on « Tâches en retard »; a confidential mail of
 * the état civil never shows to URBA (listing, search, direct address). axe-core on every page type
 * met (visa circuit, éditions, treatments and archives included); the registration saved from the
 * keyboard.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { courrier } from '../apps/courrier/src/index.ts';
import { deliverQueuedMail } from '../framework/src/mail/index.ts';
import { pdfPages } from '../framework/test/support/pdf-text.ts';
import { browserSuite, checkAccessibility, login, submit, tab, type FocusedElement, type Locator, type Page } from './support/index.ts';
import { ancienCourrier, lettreScannee, preparerCourrier } from './support/courrier.ts';
import { afterHtmxSwap, assertNoPageProblems, followMenu, mainOf, messagesOf, pathOf } from './support/screens.ts';

const PASSWORD = 'Parcours-Courrier-2026';

/** Today in Paris (YYYY-MM-DD), as the application dates a registration. */
const AUJOURDHUI = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
const ANNEE = Number(AUJOURDHUI.slice(0, 4));
const dateFr = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const plusJours = (iso: string, jours: number) => {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + jours);
  return date.toISOString().slice(0, 10);
};
const DATE_DU_COURRIER = plusJours(AUJOURDHUI, -3);
const BUTOIR = plusJours(AUJOURDHUI, 8);
const ANCIENS = ancienCourrier(ANNEE);
const OBJET_SAISI = 'Extension du garage :';
const OBJET = `${OBJET_SAISI} Demande de permis de construire pour une extension`;
const SCAN = 'lettre-durand.pdf';

/** One line, ordinary spaces for the no-break spaces of French figures. */
const flat = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A form field whose label starts with `label` (the required marker and any hint after it). */
const champ = (scope: Page | Locator, label: string): Locator => scope.getByLabel(new RegExp(`^\\s*${escape(label)}`)).first();

browserSuite(
  'courrier : scan, enregistrement, tâche, réponse, correspondant, retards, confidentialité',
  (suite) => {
    const pages = new Map<string, Page>();
    /** One signed-in page per user for the whole journey (few page loads: CI time matters). */
    const pageOf = async (user: 'agent' | 'urba' | 'chef' | 'etat'): Promise<Page> => {
      const known = pages.get(user);
      if (known) return known;
      const page = await suite().openPage();
      await login(page, user, PASSWORD);
      assert.equal(pathOf(page), '/', `connexion de ${user} : ${await messagesOf(page)}`);
      pages.set(user, page);
      return page;
    };
    const query = <T extends Record<string, unknown>>(text: string): Promise<T[]> => suite().app.database.ownerQuery<T>(text);
    const one = async <T extends Record<string, unknown>>(text: string): Promise<T> => (await query<T>(text))[0] ?? assert.fail(`aucune ligne : ${text}`);
    /** axe-core finds nothing at all on the page, whatever the impact; nor does the page report a problem. */
    const accessible = async (page: Page, name: string): Promise<void> => {
      const { violations } = await checkAccessibility(page, `courrier-parcours-${name}${suite().tag}`);
      assert.deepEqual(violations.map((violation) => `${violation.id} (${violation.impact ?? '?'}) : ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), [], name);
      assertNoPageProblems(page);
    };
    const download = async (page: Page, href: string, name: string): Promise<Buffer> => {
      const response = await page.request.get(href);
      assert.equal(response.status(), 200, name);
      return response.body();
    };
    const pdfText = async (bytes: Buffer): Promise<string[]> => (await pdfPages(new Uint8Array(bytes))).map(flat);
    const hrefOf = async (link: Locator, name: string): Promise<string> => {
      await link.first().waitFor();
      return (await link.first().getAttribute('href')) ?? assert.fail(name);
    };
    const goto = async (page: Page, path: string): Promise<void> => {
      const response = await page.goto(path);
      assert.equal(response?.status(), 200, `${path} : ${flat(await mainOf(page).innerText().catch(() => ''))}`);
    };
    /** Opens the record's sub-form tab `name` in place (htmx), and returns its panel. */
    const onglet = async (page: Page, name: string): Promise<Locator> => {
      const main = mainOf(page);
      const tabLink = main.getByRole('tab', { name, exact: true });
      if ((await tabLink.getAttribute('aria-selected')) !== 'true') await afterHtmxSwap(page, () => tabLink.click());
      return main.getByRole('tabpanel');
    };

    let scanOriginal: Buffer;
    let arrivee: number;
    let depart: number;
    let tache: number;

    test('le scan déposé sur « Mes documents numérisés » attend l’enregistrement', async () => {
      const page = await pageOf('agent');
      const main = mainOf(page);
      scanOriginal = await lettreScannee('Monsieur le Maire, je sollicite un permis de construire. Jean DURAND');
      await followMenu(page, 'Mon travail', 'Mes documents numérisés');
      assert.equal(pathOf(page), '/numerisation');
      assert.match(flat(await main.innerText()), /Aucun document en attente\./);
      await accessible(page, 'numerisation');
      // Dropped on the upload area, as from the file explorer: the page sends it, then shows the list.
      const depot = await page.evaluateHandle(
        ({ name, base64 }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'application/pdf' }));
          return transfer;
        },
        { name: SCAN, base64: scanOriginal.toString('base64') },
      );
      const recharge = page.waitForEvent('load');
      await main.locator('[data-numerisation-zone]').dispatchEvent('drop', { dataTransfer: depot });
      await recharge;
      assert.equal(pathOf(page), '/numerisation');
      const lignes = (await main.getByRole('table', { name: 'Documents en attente' }).locator('tbody tr').allInnerTexts()).map(flat);
      assert.equal(lignes.length, 1, lignes.join(' | '));
      assert.match(lignes[0] ?? '', new RegExp(`^${escape(SCAN)} .* Déposé Voir Supprimer$`));
      await accessible(page, 'numerisation-depose');
      const attente = await query<{ nom: string; source: string }>(`select nom, source from om.om_fichier_attente
        where om_utilisateur = (select om_utilisateur from om.om_utilisateur where login = 'agent')`);
      assert.deepEqual(attente, [{ nom: SCAN, source: 'depot' }]);
    });

    test('enregistrer le courrier arrivé depuis le scan : « AAAA-1 », le PDF tamponné relu, l’original gardé, la tâche automatique', async () => {
      const page = await pageOf('agent');
      const main = mainOf(page);
      await followMenu(page, 'Courrier', 'Courrier arrivé');
      await main.getByRole('table').first().waitFor();
      await accessible(page, 'liste-courrier-arrive');
      await followMenu(page, 'Courrier', 'Enregistrer un courrier arrivé');
      assert.equal(pathOf(page), '/courrier/courrier/new');
      assert.match(flat(await champ(main, 'Scan en attente').locator('option:checked').innerText()), new RegExp(escape(SCAN)), 'the waiting scan is preselected');
      assert.equal(await champ(main, 'Arrivé le').inputValue(), dateFr(AUJOURDHUI), 'arrivé le: today');
      await accessible(page, 'enregistrer-arrivee');

      await champ(main, 'Nature').selectOption({ label: 'Lettre recommandée A/R' });
      await champ(main, 'Daté du').fill(dateFr(DATE_DU_COURRIER));
      await selectLabel(champ(main, 'Correspondant'), /^DURAND Jean/);
      await champ(main, 'Objet').fill(OBJET_SAISI);
      await selectLabel(champ(main, 'Texte de la bible'), /Permis de construire/);
      await champ(main, 'Catégorie').selectOption({ label: 'Réclamation' });
      await champ(main, 'Réponse souhait').check();
      await selectLabel(champ(main, 'Service de traitement'), /Urbanisme/);
      await selectLabel(champ(main, 'Agent référent'), /urba/);
      // Saved from the keyboard: Tab from the last field reaches the button, its focus shows, Enter sends.
      await champ(main, 'Agent référent').focus();
      const bouton = await tabJusqua(page, 'Ajouter l’enregistrement');
      assert.equal(bouton.visibleIndicator, true, 'the focus on the button shows');
      const charge = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await charge;
      assert.match(pathOf(page), /^\/courrier\/courrier\/\d+$/, flat(await messagesOf(page)));
      arrivee = Number(pathOf(page).split('/').pop());
      assert.match(flat(await main.innerText()), new RegExp(`Numéro ${ANNEE}-1\\b`));
      await accessible(page, 'fiche-arrivee');

      // The « accusé de réception » of the arrival (a lettre type), read back.
      const accuse = flat((await pdfText(await download(page, await hrefOf(main.getByRole('link', { name: /Accusé de réception/ }), 'accusé'), 'accusé de réception'))).join(' '));
      assert.match(accuse, /DURAND/);
      assert.match(accuse, /3 rue des Lilas 97100 Libreville/);
      assert.ok(
        accuse.includes(`Nous avons bien reçu votre courrier du ${dateFr(DATE_DU_COURRIER)}, enregistré le ${dateFr(AUJOURDHUI)} sous le numéro ${ANNEE}-1, concernant : ${OBJET}. ` +
          `Il a été transmis au service Urbanisme, qui en assure le traitement et vous répondra avant le ${dateFr(BUTOIR)}.`),
        accuse,
      );
      const recapitulatif = flat((await pdfText(await download(page, await hrefOf(main.getByRole('link', { name: /Récapitulatif du courrier/ }), 'récapitulatif'), 'récapitulatif'))).join(' '));
      assert.match(recapitulatif, new RegExp(`Récapitulatif du courrier n° ${ANNEE}-1`));
      assert.match(recapitulatif, new RegExp(`Arrivé le : ${escape(dateFr(AUJOURDHUI))} — Daté du : ${escape(dateFr(DATE_DU_COURRIER))}`));
      assert.match(recapitulatif, new RegExp(`Objet : ${escape(OBJET)}`));

      const ecrit = await one<{ numero: string; rang: number; date_arrivee: string; objet: string; service: string; referent: string }>(`select c.numero, c.rang,
          to_char(c.date_arrivee, 'YYYY-MM-DD') as date_arrivee, c.objet, s.code as service, u.login as referent
        from courrier.courrier c join courrier.service s on s.service = c.service
        join courrier.agent a on a.agent = c.referent join om.om_utilisateur u on u.om_utilisateur = a.om_utilisateur
        where c.courrier = ${arrivee}`);
      assert.deepEqual({ ...ecrit, rang: Number(ecrit.rang) }, { numero: `${ANNEE}-1`, rang: 1, date_arrivee: AUJOURDHUI, objet: OBJET, service: 'URBA', referent: 'urba' });
      assert.deepEqual(await query(`select nom from om.om_fichier_attente`), [], 'the scan is no longer waiting');

      // The dossier: the stamped scan, read back; the original kept as it was dropped.
      const dossier = await onglet(page, 'Dossier');
      await afterHtmxSwap(page, () => dossier.getByRole('link', { name: 'Courrier numérisé' }).click());
      await accessible(page, 'sous-formulaire-document');
      const telechargements = dossier.locator('a[download]');
      assert.equal(await telechargements.count(), 2, 'the stamped PDF and the original');
      const lienOriginal = telechargements.filter({ hasText: SCAN });
      const lienTamponne = telechargements.filter({ hasNotText: SCAN });
      const tamponne = await pdfText(await download(page, await hrefOf(lienTamponne, 'tamponné'), 'PDF tamponné'));
      assert.equal(tamponne.length, 1, 'one page, as scanned');
      assert.match(tamponne[0] ?? '', new RegExp(`Courrier arrivé n° ${ANNEE}-1 le ${escape(dateFr(AUJOURDHUI))}`));
      assert.match(tamponne[0] ?? '', /je sollicite un permis de construire/);
      const original = await download(page, await hrefOf(lienOriginal, 'original'), 'original');
      assert.ok(original.equals(scanOriginal), 'the original is kept byte for byte');

      // The automatic task: due on the arrival date + the category's 8 days.
      const taches = await onglet(page, 'Tâches');
      const lignes = (await taches.locator('tbody tr').allInnerTexts()).map(flat);
      assert.equal(lignes.length, 1, lignes.join(' | '));
      assert.match(lignes[0] ?? '', new RegExp(`Répondre : ${escape(OBJET)}.*Urbanisme.*${escape(dateFr(BUTOIR))}.*Non traité`));
      await accessible(page, 'onglet-taches');
      const auto = await one<{ tache: number; butoir: string; service: string; automatique: boolean; solde: boolean }>(`select t.tache,
          to_char(t.date_butoir, 'YYYY-MM-DD') as butoir, s.code as service, t.automatique, t.solde
        from courrier.tache t join courrier.service s on s.service = t.service where t.courrier = ${arrivee}`);
      tache = Number(auto.tache);
      assert.deepEqual({ butoir: auto.butoir, service: auto.service, automatique: auto.automatique, solde: auto.solde }, { butoir: BUTOIR, service: 'URBA', automatique: true, solde: false });
    });

    test('l’urbanisme le trouve dans son travail, y répond par un courrier départ lié, et solde la tâche', async () => {
      // The task's e-mail, delivered by the housekeeping's pass over the outbox: to URBA's agent, with a link to the task.
      const { runtime } = suite().app;
      await deliverQueuedMail(runtime); // unless the minute's housekeeping already did
      assert.deepEqual(await query(`select destinataire, etat, lien from om.om_courriel`), [{ destinataire: 'urba@example.org', etat: 'envoye', lien: `/courrier/tache/${tache}` }]);
      const courriels = runtime.sentMail.filter((mail) => mail.to === 'urba@example.org');
      assert.equal(courriels.length, 1, JSON.stringify(runtime.sentMail.map((mail) => mail.to)));
      const courriel = courriels[0] ?? assert.fail('courriel');
      assert.equal(courriel.subject, `Courrier : nouvelle tâche — Répondre : ${OBJET}`);
      assert.match(courriel.text, new RegExp(`Courrier n° ${ANNEE}-1 : ${escape(OBJET)}\\nDate butoir : ${escape(dateFr(BUTOIR))}`));
      const lien = courriel.text.match(/https?:\/\/\S+/)?.[0] ?? assert.fail(`pas de lien : ${courriel.text}`);
      assert.equal(lien, `${runtime.config.baseUrl.replace(/\/$/, '')}/courrier/tache/${tache}`);

      const page = await pageOf('urba');
      const main = mainOf(page);
      await goto(page, new URL(lien).pathname);
      assert.match(flat(await main.getByRole('heading', { level: 1 }).innerText()), new RegExp(escape(`Répondre : ${OBJET}`)));
      await accessible(page, 'fiche-tache');
      for (const [entree, pourquoi] of [['Mon courrier', 'Référent, Tâche à traiter'], ['Courrier de mon service', 'Traitement']] as const) {
        await followMenu(page, 'Mon travail', entree);
        const lignes = (await main.getByRole('table').first().locator('tbody tr').allInnerTexts()).map(flat);
        const ligne = lignes.find((texte) => texte.startsWith(`${ANNEE}-1 `)) ?? assert.fail(`${entree} : ${lignes.join(' | ')}`);
        assert.match(ligne, new RegExp(`^${ANNEE}-1 Arrivée ${escape(dateFr(AUJOURDHUI))} DURAND Jean.* ${escape(OBJET)} Urbanisme Normale ${pourquoi}$`));
        assert.equal(lignes.some((texte) => texte.includes(ANCIENS.confidentiel.numero)), false, `${entree} : the confidential mail of ETAT`);
        await accessible(page, entree);
      }
      await submit(page, main.getByRole('link', { name: `${ANNEE}-1`, exact: true }));
      assert.equal(pathOf(page), `/courrier/courrier/${arrivee}`);

      // « Répondre »: the departure add form, prefilled.
      await submit(page, main.getByRole('link', { name: 'Répondre', exact: true }));
      assert.equal(pathOf(page), '/courrier/courrier/new');
      assert.equal(await champ(main, 'Registre').inputValue(), 'depart');
      assert.equal(await champ(main, 'En réponse au courrier').inputValue(), String(arrivee));
      assert.match(flat(await champ(main, 'Correspondant').locator('option:checked').innerText()), /^DURAND Jean/);
      assert.equal(await champ(main, 'Objet').inputValue(), `Réponse : ${OBJET}`);
      await accessible(page, 'repondre');
      await champ(main, 'Nature').selectOption({ label: 'Lettre' });
      await champ(main, 'Signé le').fill(dateFr(AUJOURDHUI));
      await submit(page, main.getByRole('button', { name: 'Ajouter l’enregistrement' }));
      assert.match(pathOf(page), /^\/courrier\/courrier\/\d+$/, flat(await messagesOf(page)));
      depart = Number(pathOf(page).split('/').pop());
      assert.match(flat(await main.innerText()), new RegExp(`Numéro ${ANNEE}-D-1\\b`));
      const reponse = await one<{ numero: string; registre: string; reponse_a: number; etat: string }>(`select numero, registre, reponse_a, etat from courrier.courrier where courrier = ${depart}`);
      assert.deepEqual({ ...reponse, reponse_a: Number(reponse.reponse_a) }, { numero: `${ANNEE}-D-1`, registre: 'depart', reponse_a: arrivee, etat: 'projet' });

      // The thread shows both, the current one marked.
      await submit(page, main.getByRole('link', { name: 'Fil du courrier' }));
      const fil = main.getByRole('table', { name: 'Les 2 courriers du fil, par date' });
      const numeros = (await fil.locator('tbody th').allInnerTexts()).map(flat);
      assert.deepEqual(numeros, [`${ANNEE}-1`, `${ANNEE}-D-1 (ce courrier)`]);
      assert.equal(flat(await fil.locator('a[aria-current="page"]').innerText()), `${ANNEE}-D-1`);
      await accessible(page, 'fil-du-courrier');

      // The task, from the arrival's « Tâches » tab: soldée, executed today, its reply the departure.
      await goto(page, `/courrier/courrier/${arrivee}`);
      const taches = await onglet(page, 'Tâches');
      await afterHtmxSwap(page, () => taches.getByRole('link', { name: `Répondre : ${OBJET}` }).click());
      await afterHtmxSwap(page, () => taches.getByRole('link', { name: 'Modifier', exact: true }).click());
      await accessible(page, 'sous-formulaire-tache');
      assert.equal(await champ(taches, 'Courrier de départ en réponse').inputValue(), String(depart), 'the reply is the departure answering the mail');
      await champ(taches, 'Soldée').check();
      await champ(taches, 'Exécutée le').fill(dateFr(AUJOURDHUI));
      await afterHtmxSwap(page, () => taches.getByRole('button', { name: 'Enregistrer les modifications' }).click());
      assert.match(flat(await messagesOf(page)), /Vos modifications ont bien été enregistrées\./);
      const solde = await one<{ solde: boolean; execution: string; reponse: number }>(`select solde, to_char(date_execution, 'YYYY-MM-DD') as execution, reponse from courrier.tache where tache = ${tache}`);
      assert.deepEqual({ ...solde, reponse: Number(solde.reponse) }, { solde: true, execution: AUJOURDHUI, reponse: depart });
    });

    test('la page du correspondant et son historique : l’arrivée, la réponse, l’état des tâches ; jamais le confidentiel', async () => {
      const page = await pageOf('urba');
      const main = mainOf(page);
      const durand = await one<{ correspondant: number }>(`select correspondant from courrier.correspondant where nom = 'DURAND'`);
      await goto(page, `/courrier/correspondant/${durand.correspondant}`);
      const courriers = flat(await (await onglet(page, 'Courriers')).innerText());
      assert.match(courriers, new RegExp(`${ANNEE}-1\\b`));
      assert.match(courriers, new RegExp(`${ANNEE}-D-1\\b`));
      assert.doesNotMatch(courriers, new RegExp(ANCIENS.confidentiel.numero));
      await accessible(page, 'fiche-correspondant');
      await submit(page, main.getByRole('link', { name: 'Historique du correspondant' }));
      const historique = main.getByRole('table', { name: /courriers du correspondant/ });
      const lignes = (await historique.locator('tbody tr').allInnerTexts()).map(flat);
      assert.deepEqual(lignes, [
        `${dateFr(AUJOURDHUI)} Départ ${ANNEE}-D-1 Réponse : ${OBJET} Urbanisme aucune`,
        `${dateFr(AUJOURDHUI)} Arrivée ${ANNEE}-1 ${OBJET} Urbanisme 1 soldée sur 1`,
        `${dateFr(ANCIENS.retard.arrivee)} Arrivée ${ANCIENS.retard.numero} ${ANCIENS.retard.objet} Urbanisme 0 soldée sur 1, 1 en retard`,
        `${dateFr(ANCIENS.archive.arrivee)} Arrivée (archivé) ${ANCIENS.archive.numero} ${ANCIENS.archive.objet} Urbanisme aucune`,
      ]);
      await accessible(page, 'historique-correspondant');
    });

    test('la tâche en retard : au tableau de bord avec son compte par service, et sur « Tâches en retard »', async () => {
      const page = await pageOf('chef');
      const main = mainOf(page);
      await goto(page, '/');
      const widget = main.getByRole('region', { name: 'Courrier : tâches en retard' });
      assert.deepEqual((await widget.getByRole('listitem').allInnerTexts()).map(flat).filter((item) => !item.startsWith('Les ')), ['Urbanisme 1 tâche en retard']);
      await accessible(page, 'tableau-de-bord');
      await submit(page, widget.getByRole('link', { name: 'Urbanisme' }));
      assert.equal(pathOf(page), '/courrier/taches-en-retard');
      const liste = main.getByRole('table', { name: /^Tâches en retard — Urbanisme \(1\)$/ });
      const lignes = (await liste.locator('tbody tr').allInnerTexts()).map(flat);
      assert.equal(lignes.length, 1, lignes.join(' | '));
      assert.match(lignes[0] ?? '', new RegExp(`^Répondre : ${escape(ANCIENS.retard.objet)} ${ANCIENS.retard.numero} Urbanisme — ${escape(dateFr(ANCIENS.retard.butoir))} \\d[\\d ]* jours$`));
      await accessible(page, 'taches-en-retard');
      await followMenu(page, 'Mon travail', 'Tâches non soldées');
      const comptes = (await main.getByRole('table', { name: 'Tâches non soldées par service' }).locator('tbody tr').allInnerTexts()).map(flat);
      assert.deepEqual(comptes, ['Urbanisme 1 1'], 'the closed task is no longer counted');
      await accessible(page, 'taches-non-soldees');
    });

    test('le courrier confidentiel de l’état civil n’apparaît jamais à l’urbanisme : liste, recherche, adresse directe', async () => {
      const cache = await one<{ courrier: number }>(`select courrier from courrier.courrier where numero = '${ANCIENS.confidentiel.numero}'`);
      const durand = await query<{ numero: string; confidentiel: boolean }>(
        `select numero, confidentiel from courrier.courrier where correspondant = (select correspondant from courrier.correspondant where nom = 'DURAND') order by numero`,
      );
      assert.ok(durand.some((ligne) => ligne.numero === ANCIENS.confidentiel.numero && ligne.confidentiel), 'DURAND’s mails include the confidential one');
      const visibles = durand.filter((ligne) => !ligne.confidentiel).map((ligne) => ligne.numero);
      const page = await pageOf('urba');
      const main = mainOf(page);
      await followMenu(page, 'Courrier', 'Recherche courrier');
      const liste = main.getByRole('table', { name: 'Liste : Courrier' });
      await liste.waitFor();
      assert.deepEqual((await liste.locator('tbody tr > :first-child').allInnerTexts()).map(flat).sort(), [...visibles].sort());
      await submit(page, main.getByRole('link', { name: 'Recherche avancée' }));
      await accessible(page, 'recherche-avancee');
      await selectLabel(champ(main, 'Correspondant'), /^DURAND/);
      await afterHtmxSwap(page, () => main.getByRole('button', { name: 'Rechercher' }).click());
      await main.locator('.listing-compte').filter({ hasText: `1 - ${visibles.length} enregistrement(s) sur ${visibles.length}` }).waitFor();
      assert.doesNotMatch(flat(await liste.innerText()), new RegExp(ANCIENS.confidentiel.numero));
      await goto(page, `/courrier/courrier?q=${encodeURIComponent('naissance')}`);
      assert.equal(flat(await main.locator('.listing-compte').first().innerText()), 'Aucun enregistrement.');
      const response = await page.goto(`/courrier/courrier/${cache.courrier}`);
      assert.equal(response?.status(), 404);
      await main.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
      assert.doesNotMatch(flat(await page.locator('body').innerText()), /naissance/);
      await accessible(page, 'confidentiel-refuse');
      // The état civil sees it, and finds it by its objet.
      const etat = await pageOf('etat');
      await goto(etat, `/courrier/courrier?q=${encodeURIComponent('naissance')}`);
      assert.deepEqual((await mainOf(etat).getByRole('table', { name: 'Liste : Courrier' }).locator('tbody tr > :first-child').allInnerTexts()).map(flat), [ANCIENS.confidentiel.numero]);
    });

    test('les autres pages du courrier, accessibles : circuit de visa, éditions, traitements, archives', async () => {
      const page = await pageOf('chef');
      const main = mainOf(page);
      await goto(page, `/courrier/courrier/${depart}`);
      await onglet(page, 'Circuit de visa');
      await accessible(page, 'onglet-circuit-de-visa');
      for (const [rubrique, entree, titre] of [
        ['Éditions du courrier', 'Registre du courrier', 'Registre du courrier'],
        ['Éditions du courrier', 'Statistiques du courrier', 'Statistiques du courrier'],
        ['Traitements du courrier', 'Archiver le courrier', 'Archiver le courrier'],
        ['Traitements du courrier', 'Registres', 'Registres du courrier'],
        ['Archives du courrier', 'Archives du courrier', /Archives du courrier|Courrier archivé/],
      ] as const) {
        await followMenu(page, rubrique, entree);
        assert.match(flat(await main.getByRole('heading', { level: 1 }).innerText()), typeof titre === 'string' ? new RegExp(`^${escape(titre)}$`) : titre, entree);
        await accessible(page, entree);
      }
      // The archived mail's dossier, from the archives' listing.
      await submit(page, main.getByRole('link', { name: ANCIENS.archive.numero, exact: true }));
      await submit(page, main.getByRole('link', { name: 'Dossier archivé', exact: true }));
      assert.equal(flat(await main.getByRole('heading', { level: 1 }).innerText()), `Dossier archivé — courrier ${ANCIENS.archive.numero}`);
      assert.match(flat(await main.innerText()), new RegExp(escape(ANCIENS.archive.objet)));
      await accessible(page, 'dossier-archive');
    });

  },
  {
    users: [
      { login: 'chef', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'urba', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'etat', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
    ],
    config: { dataDir: mkdtempSync(join(tmpdir(), 'commun-courrier-parcours-')) },
    setup: (database) => preparerCourrier(database, ANNEE),
    register: (registry) => {
      courrier.register(registry);
      registry.linkIncomingReferences();
    },
  },
);

/** Presses Tab from where the focus is until the control named `name` has it (at most 40 times). */
async function tabJusqua(page: Page, name: string): Promise<FocusedElement> {
  const vus: string[] = [];
  for (let index = 0; index < 40; index++) {
    const focused = await tab(page);
    if (focused.name === name) return focused;
    vus.push(focused.name || focused.tag);
  }
  return assert.fail(`« ${name} » n’est pas atteint au clavier : ${vus.join(' › ')}`);
}

/** Chooses the option whose label matches (a select, or an autocomplete's list). */
async function selectLabel(select: Locator, label: RegExp): Promise<void> {
  const options = await select.locator('option').allInnerTexts();
  const found = options.find((option) => label.test(option)) ?? assert.fail(`aucune option ${label} parmi : ${options.join(' | ')}`);
  await select.selectOption({ label: found });
}
