/**
 * « Marquer comme convoqué » (the documents engine has no hook after a print), on both databases:
 * one affectation (today's date, audited, refused once done or without the right), then a scrutin's
 * affectations not yet convoked (the others kept, another collectivité's untouched, nothing left: refused).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../../../framework/src/access/actor.ts';
import { Veto } from '../../../framework/src/model/override.ts';
import { runAction, ServiceError, type ReadDeps } from '../../../framework/src/records/index.ts';
import { describeEachDatabase } from '../../../framework/test/support/databases.ts';
import type { TestRuntime } from '../../../framework/test/support/runtime.ts';
import { aujourdhui } from '../src/convocations/marquer.ts';
import { dateFr } from '../src/dates.ts';
import { actorsFor, AUTREVILLE_SQL, COMPOSITION_SQL, depsOf, PASSWORD, scrutinObject, scrutinRuntime, SOURCES } from './support.ts';

const AFFECTATIONS_SQL = `
  insert into scrutin.affectation (scrutin, bureau, personne, fonction, heure_debut, heure_fin, convoque_le, om_collectivite)
  select s.scrutin, b.bureau, p.personne, f.fonction, '08:00', '13:00', v.convoque_le::date, s.om_collectivite
    from (values ('Municipales 2026', '1', 'DUPONT', 'president', null), ('Municipales 2026', '1', 'MARTIN', 'secretaire', null),
                 ('Municipales 2026', '2', 'BERNARD', 'president', '2026-03-01'), ('Municipales 2026', '2', 'LEROY', 'secretaire', null),
                 ('Municipales 2026 à Autreville', '1', 'AUTRE', 'president', null)) as v (scrutin, bureau, nom, fonction, convoque_le)
    join scrutin.scrutin s on s.libelle = v.scrutin
    join scrutin.bureau b on b.code = v.bureau and b.om_collectivite = s.om_collectivite
    join scrutin.personne p on p.nom = v.nom
    join scrutin.fonction f on f.fonction = v.fonction;`;

describeEachDatabase(
  'composition des bureaux : marquer les convocations',
  (database) => {
    let runtime: TestRuntime;
    let deps: ReadDeps;
    let actors: Record<string, Actor>;
    const actor = (login: string): Actor => actors[login] ?? assert.fail(login);
    const convocations = async () =>
      Object.fromEntries(
        (
          await database().ownerQuery<{ nom: string; convoque_le: string | null }>(
            `select p.nom, to_char(a.convoque_le, 'YYYY-MM-DD') as convoque_le from scrutin.affectation a join scrutin.personne p on p.personne = a.personne order by p.nom`,
          )
        ).map((row) => [row.nom, row.convoque_le]),
      );
    const affectationDe = async (nom: string) =>
      String((await database().ownerQuery<{ affectation: number }>(`select a.affectation from scrutin.affectation a join scrutin.personne p on p.personne = a.personne where p.nom = '${nom}'`))[0]?.affectation ?? assert.fail(nom));
    const scrutinDe = async (collectivite: number) =>
      String((await database().ownerQuery<{ scrutin: number }>(`select scrutin from scrutin.scrutin where om_collectivite = ${collectivite}`))[0]?.scrutin ?? assert.fail(String(collectivite)));
    const audits = async () =>
      database().ownerQuery<{ objet: string; cle: string; login: string }>(`select objet, cle, login from om.om_audit where application = 'scrutin' and action = 'convoquer' order by om_audit`);
    const refus = async (work: Promise<unknown>): Promise<Error> => {
      try {
        await work;
      } catch (error) {
        if (error instanceof ServiceError || error instanceof Veto) return error;
        throw error;
      }
      return assert.fail('should have been refused');
    };

    before(async () => {
      await database().asOwner(AUTREVILLE_SQL);
      await database().asOwner(COMPOSITION_SQL);
      await database().asOwner(AFFECTATIONS_SQL);
      runtime = await scrutinRuntime(database());
      deps = depsOf(runtime);
      actors = await actorsFor(database(), PASSWORD, [
        { login: 'agent', profil: 'UTILISATEUR', collectivite: 1 },
        { login: 'lecteur', profil: 'CONSULTATION', collectivite: 1 },
        { login: 'chef', profil: 'SUPER UTILISATEUR', collectivite: 1 },
      ]);
    });

    test('one affectation: marked with today’s date and audited; refused once marked, and to a reader', async () => {
      const dupont = await affectationDe('DUPONT');
      const lu = await refus(runAction(deps, actor('lecteur'), scrutinObject(runtime, 'affectation'), dupont, 'convoquer', {}));
      assert.equal((lu as ServiceError).code, 'forbidden');
      assert.equal((await convocations())['DUPONT'], null, 'nothing changed');

      const fait = await runAction(deps, actor('agent'), scrutinObject(runtime, 'affectation'), dupont, 'convoquer', {});
      assert.equal(fait.message, `Affectation marquée comme convoquée le ${dateFr(aujourdhui())}.`);
      assert.deepEqual(await convocations(), { AUTRE: null, BERNARD: '2026-03-01', DUPONT: aujourdhui(), LEROY: null, MARTIN: null });
      assert.deepEqual(await audits(), [{ objet: 'affectation', cle: dupont, login: 'agent' }]);

      const encore = await refus(runAction(deps, actor('agent'), scrutinObject(runtime, 'affectation'), await affectationDe('BERNARD'), 'convoquer', {}));
      assert.equal(encore.message, 'Cette personne est déjà marquée comme convoquée (le 01/03/2026).');
    });

    test('a scrutin: its affectations not yet convoked are marked, the others and another collectivité’s kept; nothing left: refused', async () => {
      const scrutin = await scrutinDe(1);
      const sansDroit = await refus(runAction(deps, actor('lecteur'), scrutinObject(runtime, 'scrutin'), scrutin, 'convoquer', {}));
      assert.equal((sansDroit as ServiceError).code, 'forbidden', 'CONSULTATION does not hold scrutin.scrutin_convoquer');
      assert.equal((await convocations())['MARTIN'], null);

      // UTILISATEUR composes the bureaux: migration 0004 gives it the whole scrutin's marking.
      const fait = await runAction(deps, actor('agent'), scrutinObject(runtime, 'scrutin'), scrutin, 'convoquer', {});
      assert.equal(fait.message, `2 affectation(s) marquée(s) comme convoquée(s) le ${dateFr(aujourdhui())}.`);
      assert.deepEqual(await convocations(), { AUTRE: null, BERNARD: '2026-03-01', DUPONT: aujourdhui(), LEROY: aujourdhui(), MARTIN: aujourdhui() });
      const dejaMarquee = await affectationDe('DUPONT'); // by the previous test, one by one
      const marquees = (await audits()).filter((audit) => audit.objet === 'affectation' && audit.login === 'agent' && audit.cle !== dejaMarquee).map((audit) => audit.cle);
      assert.deepEqual(marquees.sort(), [await affectationDe('LEROY'), await affectationDe('MARTIN')].sort(), 'one audit entry per affectation changed');

      const rien = await refus(runAction(deps, actor('chef'), scrutinObject(runtime, 'scrutin'), scrutin, 'convoquer', {}));
      assert.equal(rien.message, 'Toutes les affectations de ce scrutin sont déjà marquées comme convoquées : rien à faire.');
      assert.equal((await convocations())['AUTRE'], null, 'Autreville’s affectation untouched');
    });
  },
  { sources: SOURCES },
);
