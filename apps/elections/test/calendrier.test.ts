/**
 * The electoral calendar (art. L17, L19, L20/R13, L30 of the Code électoral): real elections,
 * leap years, a round held on a Saturday, invalid dates, and the admissibility of a request.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  acceptsMovement,
  calendrierScrutin,
  CAS_L30,
  casL30,
  commissionDeControle,
  DateInvalide,
  dateLimiteInscription,
  dateLimiteL30,
  publicationTableau,
  secondTour,
} from '../src/rules/calendrier.ts';
import { addDays, dateCourte, dateEnLettres, parseDate, todayInParis, weekday } from '../src/rules/dates.ts';

test('art. L17: the sixth Friday before the first round, checked on real elections', () => {
  const elections: [string, string, string][] = [
    ['municipales 2026', '2026-03-15', '2026-02-06'],
    ['européennes 2024', '2024-06-09', '2024-05-03'],
    ['présidentielle 2022', '2022-04-10', '2022-03-04'],
    ['régionales et départementales 2021', '2021-06-20', '2021-05-14'],
    ['municipales 2020', '2020-03-15', '2020-02-07'],
    ['législatives 2022', '2022-06-12', '2022-05-06'],
  ];
  for (const [label, premierTour, limite] of elections) {
    assert.equal(dateLimiteInscription(premierTour), limite, label);
    assert.equal(weekday(limite), 5, `${label}: a Friday`);
    assert.equal(addDays(limite, 5 * 7 + 2), premierTour, `${label}: five weeks and two days before the Sunday`);
  }
});

test('art. L17 on a round held on a Saturday (overseas) or on another day: still the sixth Friday before it', () => {
  // Présidentielle 2022 in the Antilles, Guyane, Saint-Pierre-et-Miquelon, Polynésie: Saturday 9 April.
  assert.equal(weekday('2022-04-09'), 6);
  assert.equal(dateLimiteInscription('2022-04-09'), '2022-03-04');
  // Saturday the day after a Friday: that Friday is the first, not the sixth.
  assert.equal(dateLimiteInscription('2026-03-14'), '2026-02-06');
  // A round on a Friday: the Friday six weeks earlier; on a Monday: the sixth Friday back.
  assert.equal(dateLimiteInscription('2026-03-13'), '2026-01-30');
  assert.equal(dateLimiteInscription('2026-03-16'), '2026-02-06');
  // Across a year end (Sunday 10 January 2027).
  assert.equal(dateLimiteInscription('2027-01-10'), '2026-12-04');
});

test('art. L19: the commission de contrôle between the 24th and the 21st day before; R13: the tableau the day after, by J-20', () => {
  assert.deepEqual(commissionDeControle('2026-03-15'), { debut: '2026-02-19', fin: '2026-02-22' });
  assert.deepEqual(publicationTableau('2026-03-15'), { au_plus_tot: '2026-02-20', au_plus_tard: '2026-02-23' });
  assert.deepEqual(commissionDeControle('2024-06-09'), { debut: '2024-05-16', fin: '2024-05-19' });
  assert.deepEqual(commissionDeControle('2022-04-10'), { debut: '2022-03-17', fin: '2022-03-20' });
  // Saturday round: days are counted from the Saturday.
  assert.deepEqual(commissionDeControle('2022-04-09'), { debut: '2022-03-16', fin: '2022-03-19' });
});

test('leap years: 29 February is counted in 2024 and 2000, not in 2026 nor 2100', () => {
  assert.equal(dateLimiteL30('2024-03-10'), '2024-02-29');
  assert.equal(dateLimiteL30('2026-03-10'), '2026-02-28');
  assert.deepEqual(commissionDeControle('2024-03-10'), { debut: '2024-02-15', fin: '2024-02-18' });
  assert.deepEqual(commissionDeControle('2026-03-10'), { debut: '2026-02-14', fin: '2026-02-17' });
  assert.equal(dateLimiteInscription('2024-03-10'), '2024-02-02');
  assert.equal(dateLimiteL30('2000-03-10'), '2000-02-29');
  assert.equal(dateLimiteL30('2100-03-10'), '2100-02-28');
  assert.doesNotThrow(() => parseDate('2000-02-29'));
  assert.throws(() => parseDate('2100-02-29'), DateInvalide);
  assert.throws(() => parseDate('2026-02-29'), /La date « 2026-02-29 » n’existe pas/);
});

test('art. L30: the tenth day before the scrutin, and its cases with their article', () => {
  assert.equal(dateLimiteL30('2026-03-15'), '2026-03-05');
  assert.deepEqual(
    CAS_L30.map((cas) => [cas.code, cas.article]),
    [
      ['L30_1', 'art. L30 1°'],
      ['L30_2', 'art. L30 2°'],
      ['L30_2BIS', 'art. L30 2° bis'],
      ['L30_3', 'art. L30 3°'],
      ['L30_4', 'art. L30 4°'],
      ['L30_5', 'art. L30 5°'],
    ],
  );
  assert.match(casL30('L30_1')?.libelle ?? '', /muté ou admis à la retraite/);
  assert.match(casL30('L30_2')?.libelle ?? '', /vie civile/);
  assert.match(casL30('L30_3')?.libelle ?? '', /âge d’être électeur/);
  assert.match(casL30('L30_4')?.libelle ?? '', /acquis la nationalité/);
  assert.match(casL30('L30_5')?.libelle ?? '', /décision de justice/);
  assert.equal(casL30('L30_9'), undefined);
  for (const cas of CAS_L30) assert.ok(cas.code.length <= 20, 'fits mouvement.cas_l30 varchar(20)');
});

test('the second round: a week later, or the date given, which must follow the first', () => {
  assert.equal(secondTour('2026-03-15'), '2026-03-22');
  assert.equal(secondTour('2022-04-09'), '2022-04-16');
  assert.equal(secondTour('2024-06-30', '2024-07-07'), '2024-07-07');
  assert.equal(secondTour('2026-03-15', { year: 2026, month: 3, day: 29 }), '2026-03-29');
  assert.throws(() => secondTour('2026-03-15', '2026-03-15'), /Le second tour \(15 mars 2026\) doit avoir lieu après le premier tour \(15 mars 2026\)/);
  assert.throws(() => secondTour('2026-03-15', '2026-03-08'), DateInvalide);
});

test('the whole calendar of a scrutin, as the API answers it; deadlines stay the first round’s', () => {
  const calendrier = calendrierScrutin('2026-03-15');
  assert.deepEqual({ ...calendrier, cas_l30: calendrier.cas_l30.length }, {
    premier_tour: '2026-03-15',
    second_tour: '2026-03-22',
    date_limite_inscription: '2026-02-06',
    commission_controle: { debut: '2026-02-19', fin: '2026-02-22' },
    tableau_inscriptions_radiations: { au_plus_tot: '2026-02-20', au_plus_tard: '2026-02-23' },
    date_limite_l30: '2026-03-05',
    cas_l30: 6,
  });
  const avecSecondTour = calendrierScrutin({ year: 2026, month: 3, day: 15 }, '2026-03-29');
  assert.equal(avecSecondTour.second_tour, '2026-03-29');
  assert.equal(avecSecondTour.date_limite_inscription, '2026-02-06');
  assert.equal(avecSecondTour.date_limite_l30, '2026-03-05');
});

test('invalid dates are refused with a French message, never turned into another day', () => {
  for (const written of ['', '2026-3-15', '15/03/2026', '2026-03-15T00:00:00Z', '2026-13-01', '2026-00-10', '2026-04-31', '2026-03-00', '0999-01-01', ' 2026-03-15', 'demain']) {
    assert.throws(() => calendrierScrutin(written), DateInvalide, JSON.stringify(written));
  }
  assert.throws(() => calendrierScrutin('15/03/2026'), /« 15\/03\/2026 » n’est pas une date au format AAAA-MM-JJ \(exemple : 2026-03-15\)\./);
  assert.throws(() => calendrierScrutin({ year: 2026, month: 2, day: 30 }), /La date « 2026-2-30 » n’existe pas/);
  assert.throws(() => calendrierScrutin({ year: 2026, month: 1.5, day: 3 }), DateInvalide);
});

test('a request before or on the L17 deadline is admissible; after it, only under an L30 case until J-10', () => {
  const scrutin = { premierTour: '2026-03-15' };
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-01-05' }), { ok: true, fondement: 'L17' });
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-02-06' }), { ok: true, fondement: 'L17' });
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-02-06', casL30: 'L30_3' }), { ok: true, fondement: 'L17' });
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-02-07' }), {
    ok: false,
    message:
      'La date limite d’inscription pour le scrutin du 15 mars 2026 était le 6 février 2026 ; ' +
      'une demande après cette date n’est recevable que dans un des cas de l’article L30.',
  });
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-02-07', casL30: '  ' }), acceptsMovement({ ...scrutin, dateDemande: '2026-02-07' }));
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-02-07', casL30: 'L30_3' }), { ok: true, fondement: 'L30' });
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-03-05', casL30: 'L30_4' }), { ok: true, fondement: 'L30' });
  assert.deepEqual(acceptsMovement({ ...scrutin, dateDemande: '2026-03-06', casL30: 'L30_4' }), {
    ok: false,
    message: 'Au titre de l’art. L30 4°, une demande pour le scrutin du 15 mars 2026 devait être déposée au plus tard le 5 mars 2026.',
  });
  const inconnu = acceptsMovement({ ...scrutin, dateDemande: '2026-02-20', casL30: 'L11' });
  assert.equal(inconnu.ok, false);
  assert.match(inconnu.ok ? '' : inconnu.message, /« L11 » n’est pas un des cas de l’article L30 : choisissez-en un parmi L30_1, L30_2, L30_2BIS/);
  // After the scrutin itself: too late for it, whatever the case.
  assert.equal(acceptsMovement({ ...scrutin, dateDemande: '2026-03-20', casL30: 'L30_1' }).ok, false);
  // « 1er » in the message.
  const premierMai = acceptsMovement({ premierTour: '2026-06-07', dateDemande: '2026-05-02' });
  assert.match(premierMai.ok ? '' : premierMai.message, /scrutin du 7 juin 2026 était le 1er mai 2026/);
  assert.throws(() => acceptsMovement({ premierTour: '2026-03-15', dateDemande: '2026-02-30' }), DateInvalide);
});

test('formats and today in Paris, whatever the process time zone', () => {
  assert.equal(dateEnLettres('2026-08-01'), '1er août 2026');
  assert.equal(dateEnLettres('2026-12-25'), '25 décembre 2026');
  assert.equal(dateCourte('2026-03-05'), '05/03/2026');
  // 23:30 UTC on 14 March 2026 is 00:30 on the 15th in Paris (UTC+1); 21:30 UTC on 14 July is 23:30 in Paris (UTC+2).
  assert.equal(todayInParis(new Date(Date.UTC(2026, 2, 14, 23, 30))), '2026-03-15');
  assert.equal(todayInParis(new Date(Date.UTC(2026, 6, 14, 21, 30))), '2026-07-14');
  assert.equal(todayInParis(new Date(Date.UTC(2026, 6, 14, 22, 30))), '2026-07-15');
});
