/**
 * A whole election night in Chromium (issue 12, « Done when »): Libreville's municipales, 29 seats,
 * 12 bureaux, 4 lists of 29 candidates. The agent enters the participation at 12:00 then each
 * bureau's results with the keyboard (one entry refused as inconsistent, nothing saved, then
 * corrected); the chef validates the bureaux from the follow-up page, unlocks one with a reason and
 * validates it again; the public page, opened without login while validation is under way, shows
 * only the validated figures and follows them by itself (no reload); then the seats and the
 * procès-verbal. axe-core on every page type met. Each user signs in once (a new browser context,
 * its first page load and a sign-in cost more than most steps).
 *
 * Figures of bureau i (1 to 12): inscrits 1000 + 25i, votants 600 + 10i, blancs 4 + i mod 3,
 * nuls 2 + i mod 2; lists B 140 + i, C 90 + 2i, D 20, A the rest. Totals: 13 950 inscrits,
 * 7 980 votants, 60 blancs, 30 nuls, 7 890 exprimés; A 4 656 (59,01 %: absolute majority),
 * B 1 758 (22,28 %), C 1 236 (15,67 %), D 240 (3,04 %: under 5 %, no seat). Seats: 15 of bonus
 * to A (half of 29 rounded up), then 14 at the highest average among A, B, C:
 * A 4656, A 2328, B 1758, A 1552, C 1236, A 1164, A 931,2, B 879, A 776, A 665,1, C 618, B 586,
 * A 582, A 517,3 — A 24, B 3, C 2, D 0.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resultats } from '../apps/resultats/src/index.ts';
import { readMigrations } from '../framework/src/db/index.ts';
import { pdfPages } from '../framework/test/support/pdf-text.ts';
import { assertNoPageProblems, field, mainOf, messagesOf, pathOf } from './support/screens.ts';
import { browserSuite, checkAccessibility, login, submit, type Page } from './support/index.ts';

const PASSWORD = 'Soiree-Electorale-2026';
const MIGRATIONS = readMigrations(resultats.migrations).map((migration) => migration.text);
const ELECTION = 1;
const BUREAUX = 12;
const LISTES = [
  { ordre: 1, libelle: 'Libreville Avenir', prefixe: 'Avenir' },
  { ordre: 2, libelle: 'Agir pour Libreville', prefixe: 'Agir' },
  { ordre: 3, libelle: 'Libreville Écologie', prefixe: 'Ecologie' },
  { ordre: 4, libelle: 'Libreville Autrement', prefixe: 'Autrement' },
] as const;

interface Bureau {
  readonly rang: number;
  readonly code: string;
  readonly libelle: string;
  readonly inscrits: number;
  readonly votants12h: number;
  readonly votants: number;
  readonly blancs: number;
  readonly nuls: number;
  readonly exprimes: number;
  /** Votes of the lists, in panel order. */
  readonly voix: readonly [number, number, number, number];
}

const BUREAU: readonly Bureau[] = Array.from({ length: BUREAUX }, (_, index) => {
  const rang = index + 1;
  const votants = 600 + 10 * rang;
  const blancs = 4 + (rang % 3);
  const nuls = 2 + (rang % 2);
  const exprimes = votants - blancs - nuls;
  const [b, c, d] = [140 + rang, 90 + 2 * rang, 20];
  return {
    rang,
    code: String(rang).padStart(3, '0'),
    libelle: `Bureau ${rang}`,
    inscrits: 1000 + 25 * rang,
    votants12h: 200 + 10 * rang,
    votants,
    blancs,
    nuls,
    exprimes,
    voix: [exprimes - b - c - d, b, c, d],
  };
});

const nomBureau = (bureau: Bureau) => `${bureau.code} — ${bureau.libelle}`;
const somme = (bureaux: readonly Bureau[], chiffre: (bureau: Bureau) => number) => bureaux.reduce((total, bureau) => total + chiffre(bureau), 0);

/** 29 candidates per list, born between 1950 and 1993 (no two of a list the same day). */
const CANDIDATS_SQL = LISTES.flatMap((liste) =>
  Array.from({ length: 29 }, (_, index) => {
    const rang = index + 1;
    const naissance = `${1950 + ((rang * 7 + liste.ordre * 3) % 44)}-${String((rang % 12) + 1).padStart(2, '0')}-${String(((rang + liste.ordre) % 28) + 1).padStart(2, '0')}`;
    return `(${liste.ordre}, ${rang}, '${liste.prefixe}${rang}', 'Camille', '${rang % 2 ? 'F' : 'M'}', '${naissance}', 1)`;
  }),
).join(',\n  ');

const FIXTURE_SQL = `
insert into resultats.bureau (bureau, code, libelle, om_collectivite) values
  ${BUREAU.map((bureau) => `(${bureau.rang}, '${bureau.code}', '${bureau.libelle}', 1)`).join(', ')};
select setval(pg_get_serial_sequence('resultats.bureau', 'bureau'), ${BUREAUX});
insert into resultats.election (election, libelle, type, date_scrutin, code_commune, sieges, etat, om_collectivite)
  values (${ELECTION}, 'Municipales 2026', 'municipales', '2026-03-15', '13004', 29, 'ouverte', 1);
select setval(pg_get_serial_sequence('resultats.election', 'election'), 1);
insert into resultats.tranche (election, heure, om_collectivite) values (${ELECTION}, '12:00', 1), (${ELECTION}, '17:00', 1);
insert into resultats.candidature (candidature, election, ordre, libelle, om_collectivite) values
  ${LISTES.map((liste) => `(${liste.ordre}, ${ELECTION}, ${liste.ordre}, '${liste.libelle}', 1)`).join(', ')};
select setval(pg_get_serial_sequence('resultats.candidature', 'candidature'), ${LISTES.length});
insert into resultats.candidat (candidature, rang, nom, prenom, sexe, date_naissance, om_collectivite) values
  ${CANDIDATS_SQL};
insert into resultats.election_bureau (election_bureau, election, bureau, inscrits, om_collectivite) values
  ${BUREAU.map((bureau) => `(${bureau.rang}, ${ELECTION}, ${bureau.rang}, ${bureau.inscrits}, 1)`).join(', ')};
select setval(pg_get_serial_sequence('resultats.election_bureau', 'election_bureau'), ${BUREAUX});
`;

/** One line, ordinary spaces for the (narrow) no-break spaces of French figures. */
const flat = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
/** « 7 890 » as written by the pages (any kind of space between thousands). */
const nombre = (value: number) => new Intl.NumberFormat('fr-FR').format(value).replace(/[\u202f\u00a0]/g, ' ');

/** The bureau whose first entry is refused (votants one too many), then corrected. */
const INCOHERENT = BUREAU[3]!;
/** Validated before the public page is opened; the others after. */
const VALIDES_AVANT = 5;
/** Unlocked with a reason, then validated again. */
const DEVERROUILLE = BUREAU[2]!;

browserSuite(
  'résultats : une soirée électorale complète',
  (suite) => {
    const pages = new Map<'agent' | 'chef', Promise<Page>>();
    /** The user's page, signed in by the first test that needs it and shared by the later ones (the chef's: tests 2 and 3). */
    const signIn = (user: 'agent' | 'chef'): Promise<Page> => {
      const known = pages.get(user);
      if (known) return known;
      const signedIn = (async () => {
        const page = await suite().openPage();
        await login(page, user, PASSWORD);
        return page;
      })().catch((error: unknown) => {
        pages.delete(user);
        throw error;
      });
      pages.set(user, signedIn);
      return signedIn;
    };
    const etats = async (): Promise<string[]> =>
      (await suite().app.database.ownerQuery<{ etat: string }>(`select etat from resultats.election_bureau where election = ${ELECTION} order by election_bureau`)).map(
        (row) => row.etat,
      );

    /** Types the bureau's figures from the keyboard, field after field, and sends the form with Enter. */
    const typeEntry = async (page: Page, figures: readonly number[]): Promise<void> => {
      const main = mainOf(page);
      const votants = field(main, 'Votants');
      await votants.focus();
      for (const [index, figure] of figures.entries()) {
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.type(String(figure));
        if (index < figures.length - 1) await page.keyboard.press('Tab');
      }
      const loaded = page.waitForEvent('load');
      await page.keyboard.press('Enter');
      await loaded;
    };
    const figuresOf = (bureau: Bureau, votants = bureau.votants) => [votants, bureau.blancs, bureau.nuls, bureau.exprimes, ...bureau.voix];

    test('l’agent saisit la participation de 12 h puis les résultats des 12 bureaux au clavier, dont une saisie incohérente refusée puis corrigée', async () => {
      const page = await signIn('agent');
      const main = mainOf(page);
      await page.goto(`/resultats/election/${ELECTION}`);
      await main.getByRole('link', { name: 'Soirée électorale', exact: true }).waitFor();
      await checkAccessibility(page, 'fiche de l’élection');
      await submit(page, main.getByRole('link', { name: 'Soirée électorale', exact: true }));
      assert.equal(pathOf(page), `/resultats/suivi/${ELECTION}`);
      assert.match(flat(await main.locator('#suivi-comptes').innerText()), /^0 bureau\(x\) compté\(s\) sur 12 —/);
      await checkAccessibility(page, 'suivi de la soirée électorale');

      // Participation at 12:00 (the first tranche), typed bureau after bureau.
      await submit(page, main.getByRole('link', { name: 'Saisir la participation', exact: true }));
      assert.equal(pathOf(page), `/resultats/participation-saisie/${ELECTION}`);
      await checkAccessibility(page, 'saisie de la participation');
      for (const bureau of BUREAU) {
        await main.getByRole('textbox', { name: `${nomBureau(bureau)} Votants à 12:00` }).focus();
        await page.keyboard.type(String(bureau.votants12h));
      }
      await submit(page, main.getByRole('button', { name: 'Enregistrer la participation' }));
      assert.match(await messagesOf(page), /Participation de 12:00 enregistrée \(12 bureau\(x\) relevé\(s\)\)\./);
      // 3 180 votants of 13 950 inscrits.
      assert.equal(flat(await main.locator('#participation-taux-total').innerText()), '22,80 %');
      assert.equal(await main.getByRole('textbox', { name: `${nomBureau(BUREAU[11]!)} Votants à 12:00` }).inputValue(), '320');

      // The results: the first bureau from the follow-up page, then « Bureau suivant » each time.
      await page.goto(`/resultats/suivi/${ELECTION}`);
      assert.match(flat(await main.locator('#suivi-participation').innerText()), /12:00 12 sur 12 3 180 22,80 %/);
      await submit(page, main.getByRole('link', { name: 'Saisir 001', exact: true }));
      await checkAccessibility(page, 'saisie des résultats d’un bureau');
      for (const bureau of BUREAU) {
        assert.equal(pathOf(page), `/resultats/saisie/${bureau.rang}`, `saisie du bureau ${bureau.code}`);
        if (bureau === INCOHERENT) {
          await typeEntry(page, figuresOf(bureau, bureau.votants + 1));
          const expected = `Votants (${bureau.votants + 1}) ≠ blancs (${bureau.blancs}) + nuls (${bureau.nuls}) + exprimés (${bureau.exprimes}) = ${bureau.votants}.`;
          const alert = page.getByRole('alert');
          assert.equal(
            flat(await alert.innerText()),
            `Rien n’est enregistré : les chiffres saisis ne sont pas cohérents. ${expected}`,
            'the refusal is announced (role="alert") and names the figures',
          );
          const votants = field(main, 'Votants');
          assert.equal(await votants.getAttribute('aria-invalid'), 'true');
          const describedBy = (await votants.getAttribute('aria-describedby')) ?? assert.fail('aria-describedby');
          assert.equal(flat(await page.locator(`#${describedBy}`).innerText()), expected, 'the field says what is wrong');
          assert.equal(await votants.inputValue(), String(bureau.votants + 1), 'what was typed stays in the form');
          const [row] = await suite().app.database.ownerQuery<{ etat: string; votants: number | null; voix: number }>(
            `select etat, votants, (select count(*) from resultats.voix v where v.election_bureau = eb.election_bureau)::int as voix
               from resultats.election_bureau eb where election_bureau = ${bureau.rang}`,
          );
          assert.deepEqual({ ...row }, { etat: 'non_arrive', votants: null, voix: 0 }, 'nothing saved');
          await checkAccessibility(page, 'saisie refusée : chiffres incohérents');
        }
        await typeEntry(page, figuresOf(bureau));
        assert.match(await messagesOf(page), new RegExp(`Résultats du bureau ${nomBureau(bureau)} enregistrés\\.`));
        assert.match(flat(await main.locator('#saisie-etat').innerText()), /état du bureau : Saisi \(saisi par agent\)/);
        if (bureau.rang < BUREAUX) await submit(page, main.getByRole('link', { name: `Bureau suivant : ${nomBureau(BUREAU[bureau.rang]!)}` }));
        else assert.match(await main.locator('#saisie-suites').innerText(), /Tous les autres bureaux sont saisis\./);
      }
      assert.deepEqual(await etats(), Array(BUREAUX).fill('saisi'));
      const [saved] = await suite().app.database.ownerQuery<{ votants: number; voix: string }>(
        `select eb.votants, string_agg(v.nombre::text, ' ' order by v.candidature) as voix
           from resultats.election_bureau eb join resultats.voix v using (election_bureau) where eb.election_bureau = ${INCOHERENT.rang} group by eb.votants`,
      );
      assert.deepEqual({ ...saved }, { votants: INCOHERENT.votants, voix: INCOHERENT.voix.join(' ') }, 'the corrected figures are saved');
    });

    test('le chef valide, déverrouille avec un motif et revalide ; la page publique suit sans être rechargée', async () => {
      const page = await signIn('chef');
      const main = mainOf(page);
      await page.goto(`/resultats/election/${ELECTION}`);
      await submit(page, main.getByRole('link', { name: 'Soirée électorale', exact: true }));
      const validate = async (bureau: Bureau) => {
        await submit(page, main.getByRole('button', { name: `Valider ${bureau.code}`, exact: true }));
        assert.match(await messagesOf(page), new RegExp(`Bureau ${nomBureau(bureau)} validé`));
      };
      for (const bureau of BUREAU.slice(0, VALIDES_AVANT)) await validate(bureau);
      await checkAccessibility(page, 'suivi de la soirée : bureaux validés et à valider');

      // Unlock one with a reason (too short first), then validate it again.
      await submit(page, main.getByRole('link', { name: `Déverrouiller ${DEVERROUILLE.code}`, exact: true }));
      assert.equal(pathOf(page), `/resultats/deverrouiller/${DEVERROUILLE.rang}`);
      await checkAccessibility(page, 'déverrouillage d’un bureau');
      await field(main, 'Motif (5 caractères au moins)').fill('Non');
      await submit(page, main.getByRole('button', { name: 'Déverrouiller', exact: true }));
      assert.match(await messagesOf(page), /Donnez le motif du déverrouillage \(5 caractères au moins\)\./);
      assert.deepEqual((await etats())[DEVERROUILLE.rang - 1], 'valide', 'still locked');
      await checkAccessibility(page, 'déverrouillage refusé : motif trop court');
      const motif = 'Inversion des bulletins blancs et nuls signalée par le président du bureau.';
      await field(main, 'Motif (5 caractères au moins)').fill(motif);
      await submit(page, main.getByRole('button', { name: 'Déverrouiller', exact: true }));
      assert.equal(pathOf(page), `/resultats/saisie/${DEVERROUILLE.rang}`);
      assert.match(await messagesOf(page), new RegExp(`Bureau ${nomBureau(DEVERROUILLE)} déverrouillé`));
      const audit = await suite().app.database.ownerQuery<{ motif: string; par: string }>(
        `select motif, par from resultats.deverrouillage where election_bureau = ${DEVERROUILLE.rang}`,
      );
      assert.deepEqual(audit.map((row) => ({ ...row })), [{ motif, par: 'chef' }], 'the unlock is kept with its reason and who');
      await submit(page, main.getByRole('button', { name: 'Valider ce bureau', exact: true }));
      assert.match(await messagesOf(page), new RegExp(`Bureau ${nomBureau(DEVERROUILLE)} validé`));
      assert.deepEqual(await etats(), [...Array(VALIDES_AVANT).fill('valide'), ...Array(BUREAUX - VALIDES_AVANT).fill('saisi')]);

      // The public page, in another browser context (no login), while validation is under way.
      const publicPage = await suite().openPage();
      const response = await publicPage.goto(`/resultats/public/1/${ELECTION}`);
      assert.equal(response?.status(), 200);
      const publique = mainOf(publicPage);
      const depouilles = publique.locator('p', { has: publicPage.locator('[data-valeur="bureaux.depouilles"]') }).first();
      const avant = BUREAU.slice(0, VALIDES_AVANT);
      assert.equal(flat(await depouilles.innerText()), `${VALIDES_AVANT} bureaux dépouillés sur 12`);
      const exprimes = publique.locator('[data-valeur="chiffres.exprimes"]').first();
      assert.equal(flat(await exprimes.innerText()), nombre(somme(avant, (bureau) => bureau.exprimes)), 'only the validated bureaux count');
      assert.equal(flat(await publique.locator('[data-valeur="candidatures.0.voix"]').innerText()), nombre(somme(avant, (bureau) => bureau.voix[0])));
      const ligne = (bureau: Bureau) => publique.getByRole('row', { name: new RegExp(`^${nomBureau(bureau)}`) });
      assert.match(flat(await ligne(BUREAU[0]!).innerText()), new RegExp(`dépouillé ${nombre(BUREAU[0]!.inscrits)} ${BUREAU[0]!.votants} ${BUREAU[0]!.exprimes} ${BUREAU[0]!.voix.join(' ')}`));
      assert.match(flat(await ligne(BUREAU[VALIDES_AVANT]!).innerText()), /en attente [\d ]+ — — — — — —$/, 'a bureau entered but not validated shows no figure');
      assert.doesNotMatch(flat(await publique.innerText()), new RegExp(`\\b${BUREAU[VALIDES_AVANT]!.exprimes}\\b`));
      await checkAccessibility(publicPage, 'page publique des résultats');
      // Its first check (at load) is done: the next one, 10 s later, is the one that sees the change.
      await publique.locator('[data-verifie]').filter({ hasText: /vérifié à/ }).waitFor();
      // Marks the live elements: they must still be the same objects after the refresh (no reload).
      await publicPage.evaluate(() => {
        for (const element of document.querySelectorAll('[data-valeur="bureaux.depouilles"], #resultats-public-annonce')) element.setAttribute('data-test-avant', 'oui');
      });

      await submit(page, main.getByRole('link', { name: 'Suivi de la soirée électorale', exact: true }));
      for (const bureau of BUREAU.slice(VALIDES_AVANT)) await validate(bureau);
      assert.deepEqual(await etats(), Array(BUREAUX).fill('valide'));
      assert.match(flat(await main.locator('#suivi-comptes').innerText()), /^12 bureau\(x\) compté\(s\) sur 12 — inscrits 13 950, votants 7 980 \(57,20 %\), blancs 60, nuls 30, exprimés 7 890\./);

      // The page asks every 10 s (± 10 %): the change comes within two periods, without reloading.
      await depouilles.filter({ hasText: /^12 bureaux dépouillés sur 12$/ }).waitFor({ timeout: 25_000 });
      assert.equal(await depouilles.locator('[data-valeur="bureaux.depouilles"]').getAttribute('data-test-avant'), 'oui', 'the same element, updated in place');
      const annonce = publique.locator('#resultats-public-annonce');
      assert.equal(await annonce.getAttribute('data-test-avant'), 'oui');
      assert.equal(await annonce.getAttribute('aria-live'), 'polite');
      assert.equal(flat(await annonce.innerText()), 'Résultats mis à jour : 12 bureaux dépouillés sur 12.');
      assert.equal(flat(await exprimes.innerText()), '7 890');
      assert.equal(flat(await publique.locator('[data-valeur="candidatures.0.voix"]').innerText()), '4 656');
      assert.equal(flat(await publique.locator('[data-valeur="candidatures.0.pourcentage"]').innerText()), '59,01 %');
      assert.equal(flat(await publique.locator('[data-valeur="candidatures.0.sieges"]').innerText()), '24');
      assert.match(flat(await ligne(BUREAU[11]!).innerText()), new RegExp(`dépouillé ${nombre(BUREAU[11]!.inscrits)} ${BUREAU[11]!.votants} ${BUREAU[11]!.exprimes}`));
      await checkAccessibility(publicPage, 'page publique des résultats mise à jour');
      assertNoPageProblems(publicPage);

      await publicPage.goto('/resultats/public/1');
      await mainOf(publicPage).getByRole('link', { name: 'Municipales 2026' }).waitFor();
      await checkAccessibility(publicPage, 'liste publique des élections');
    });

    test('les sièges, le procès-verbal, l’analyse et l’export depuis la fiche de l’élection', async () => {
      const page = await signIn('chef');
      const main = mainOf(page);
      await page.goto(`/resultats/election/${ELECTION}`);
      await submit(page, main.getByRole('link', { name: 'Répartition des sièges', exact: true }));
      assert.equal(pathOf(page), `/resultats/sieges/${ELECTION}`);
      const table = main.getByRole('table', { name: 'Répartition des sièges' });
      const seats = async (libelle: string) => flat(await table.getByRole('row', { name: new RegExp(`^${libelle}`) }).innerText());
      assert.match(await seats('Libreville Avenir'), /^Libreville Avenir 4 656 59,01 % 24 \(dont 15 de prime majoritaire\) Camille AVENIR1 .* Camille AVENIR24$/);
      assert.match(await seats('Agir pour Libreville'), /^Agir pour Libreville 1 758 22,28 % 3 Camille AGIR1 Camille AGIR2 Camille AGIR3$/);
      assert.match(await seats('Libreville Écologie'), /^Libreville Écologie 1 236 15,67 % 2 Camille ECOLOGIE1 Camille ECOLOGIE2$/);
      assert.match(await seats('Libreville Autrement'), /^Libreville Autrement 240 3,04 % 0 —$/);
      assert.doesNotMatch(await messagesOf(page), /provisoire|second tour/i);
      await checkAccessibility(page, 'répartition des sièges');

      await page.goto(`/resultats/election/${ELECTION}`);
      const documents = main.getByRole('link', { name: /Procès-verbal de recensement général des votes/ });
      const pdf = await page.request.get((await documents.getAttribute('href')) ?? assert.fail('lien du procès-verbal'));
      assert.equal(pdf.status(), 200);
      assert.equal(pdf.headers()['content-type'], 'application/pdf');
      const pv = flat((await pdfPages(new Uint8Array(await pdf.body()))).join('\n'));
      assert.match(pv, /Procès-verbal de recensement général des votes/);
      assert.match(pv, /12 bureaux sur 12/);
      assert.match(pv, /Inscrits : 13 950 — votants : 7 980 \(57,20 %\) — abstentions : 5 970 — blancs : 60 — nuls : 30 — exprimés : 7 890/);
      assert.match(pv, /Total 13 950 7 980 60 30 7 890/);
      assert.match(pv, /1 Libreville Avenir 4 656 59,01/);
      assert.match(pv, /4 Libreville Autrement 240 3,04/);
      assert.match(pv, /Libreville Avenir — sièges au conseil municipal : 24/);
      assert.match(pv, /Agir pour Libreville — sièges au conseil municipal : 3/);
      assert.match(pv, /Libreville Écologie — sièges au conseil municipal : 2/);
      assert.match(pv, /Libreville Autrement — sièges au conseil municipal : 0/);

      await page.goto('/resultats/analyse');
      await main.getByRole('checkbox', { name: /^Municipales 2026/ }).check();
      await submit(page, main.getByRole('button', { name: 'Comparer', exact: true }));
      const parElection = main.getByRole('table', { name: 'Taux par élection' });
      assert.match(flat(await parElection.getByRole('row', { name: /^Municipales 2026/ }).innerText()), /12 sur 12 13 950 7 980 57,20 %/);
      await checkAccessibility(page, 'analyse des élections');

      await page.goto(`/resultats/election/${ELECTION}`);
      await submit(page, main.getByRole('link', { name: 'Export préfecture', exact: true }));
      const fichier = main.getByRole('link', { name: /Municipales 2026/ }).first();
      const csv = await page.request.get((await fichier.getAttribute('href')) ?? assert.fail('lien du fichier de la préfecture'));
      assert.equal(csv.status(), 200);
      assert.match(await csv.text(), /13004/, 'the INSEE code of the commune');
      await checkAccessibility(page, 'export vers la préfecture');
    });
  },
  {
    users: [
      { login: 'agent', password: PASSWORD, profil: 'UTILISATEUR', collectivite: 1 },
      { login: 'chef', password: PASSWORD, profil: 'SUPER UTILISATEUR', collectivite: 1 },
    ],
    setup: async (database) => {
      for (const migration of MIGRATIONS) await database.asOwner(migration, 'resultats');
      await database.asOwner(FIXTURE_SQL);
    },
    register: (registry) => {
      resultats.register(registry);
      registry.linkIncomingReferences();
    },
  },
);
