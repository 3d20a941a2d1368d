/**
 * The JSON body of `POST /api/v1/resultats/repartition-sieges` read into the rules' input; every
 * inconsistency is refused with a French message naming the field (`RepartitionImpossible`).
 *
 *     { "type": "municipales", "sieges": 29, "tour": 1, "exprimes": 10000, "inscrits": 15000,
 *       "listes": [ { "liste": "A", "voix": 5200, "candidats": [ { "rang": 1, "date_naissance": "1961-05-02" } ] } ] }
 *
 * For `"type": "municipales_moins_1000"` each entry of `listes` is a candidate (`liste`: its name,
 * `voix`, its `date_naissance` or its single candidate's) and `inscrits` is required.
 */
import { jourDeNaissance } from './age.ts';
import { RepartitionImpossible } from './erreurs.ts';
import type { CandidatDeListe, ListeEnLice, ScrutinDeListe, ScrutinMajoritaire } from './types.ts';

export type DemandeRepartition =
  | { readonly type: 'municipales'; readonly scrutin: ScrutinDeListe }
  | { readonly type: 'municipales_moins_1000'; readonly scrutin: ScrutinMajoritaire };

const refus = (texte: string) => new RepartitionImpossible(texte);

function entier(valeur: unknown, champ: string, minimum: number): number {
  if (valeur === undefined || valeur === null) throw refus(`Le champ « ${champ} » est obligatoire.`);
  if (typeof valeur !== 'number' || !Number.isInteger(valeur) || valeur < minimum) {
    throw refus(`Le champ « ${champ} » doit être un nombre entier d’au moins ${minimum} (reçu : ${JSON.stringify(valeur)}).`);
  }
  return valeur;
}

const objet = (valeur: unknown): valeur is Readonly<Record<string, unknown>> => typeof valeur === 'object' && valeur !== null && !Array.isArray(valeur);

function date(valeur: unknown, champ: string): string {
  if (valeur === undefined || valeur === null) throw refus(`Le champ « ${champ} » est obligatoire : la date de naissance au format AAAA-MM-JJ.`);
  if (typeof valeur !== 'string' || jourDeNaissance(valeur) === undefined) {
    throw refus(`Le champ « ${champ} » (${JSON.stringify(valeur)}) n’est pas une date valide : écrivez-la AAAA-MM-JJ (exemple : 1961-05-02).`);
  }
  return valeur;
}

function candidats(valeur: unknown, champ: string): CandidatDeListe[] {
  if (!Array.isArray(valeur) || valeur.length === 0) throw refus(`Le champ « ${champ} » est obligatoire : la liste de ses candidats (rang et date de naissance).`);
  const rangs = new Set<number>();
  return valeur.map((candidat: unknown, index) => {
    const ici = `${champ}[${index}]`;
    if (!objet(candidat)) throw refus(`« ${ici} » doit être un objet { "rang": …, "date_naissance": "AAAA-MM-JJ" }.`);
    const rang = entier(candidat['rang'], `${ici}.rang`, 1);
    if (rangs.has(rang)) throw refus(`Le rang ${rang} figure deux fois dans « ${champ} » : chaque candidat a son rang.`);
    rangs.add(rang);
    return { rang, date_naissance: date(candidat['date_naissance'], `${ici}.date_naissance`) };
  });
}

interface Entree {
  readonly liste: string;
  readonly voix: number;
  readonly brut: Readonly<Record<string, unknown>>;
}

function entrees(valeur: unknown): Entree[] {
  if (!Array.isArray(valeur) || valeur.length === 0) throw refus('Le champ « listes » est obligatoire : au moins une liste avec son nom, ses voix et ses candidats.');
  const noms = new Set<string>();
  return valeur.map((liste: unknown, index) => {
    if (!objet(liste)) throw refus(`« listes[${index}] » doit être un objet { "liste": …, "voix": …, "candidats": […] }.`);
    const nom = liste['liste'];
    if (typeof nom !== 'string' || nom.trim() === '') throw refus(`Le champ « listes[${index}].liste » est obligatoire : le nom de la liste.`);
    if (noms.has(nom)) throw refus(`La liste « ${nom} » figure deux fois : chaque liste doit avoir un nom différent.`);
    noms.add(nom);
    return { liste: nom, voix: entier(liste['voix'], `listes[${index}].voix`, 0), brut: liste };
  });
}

export function lireDemande(body: Readonly<Record<string, unknown>>): DemandeRepartition {
  const type = body['type'] ?? 'municipales';
  if (type !== 'municipales' && type !== 'municipales_moins_1000') {
    throw refus(`Le type « ${String(type)} » n’a pas de répartition de sièges ici : indiquez « municipales » (communes de 1 000 habitants et plus) ou « municipales_moins_1000 ».`);
  }
  const sieges = entier(body['sieges'], 'sieges', 1);
  const tour = body['tour'];
  if (tour !== 1 && tour !== 2) throw refus(`Le champ « tour » doit valoir 1 ou 2 (reçu : ${JSON.stringify(tour ?? null)}).`);
  const exprimes = entier(body['exprimes'], 'exprimes', 0);
  const listes = entrees(body['listes']);
  if (type === 'municipales') {
    const totalVoix = listes.reduce((total, liste) => total + liste.voix, 0);
    if (totalVoix > exprimes) throw refus(`La somme des voix des listes (${totalVoix}) dépasse le nombre de suffrages exprimés (${exprimes}) : corrigez les voix ou les exprimés.`);
    const enLice: ListeEnLice[] = listes.map((liste, index) => ({ liste: liste.liste, voix: liste.voix, candidats: candidats(liste.brut['candidats'], `listes[${index}].candidats`) }));
    return { type, scrutin: { sieges, tour, exprimes, listes: enLice } };
  }
  const inscrits = entier(body['inscrits'], 'inscrits', 0);
  if (inscrits < exprimes) throw refus(`Les inscrits (${inscrits}) ne peuvent pas être moins nombreux que les suffrages exprimés (${exprimes}).`);
  return {
    type,
    scrutin: {
      sieges,
      tour,
      exprimes,
      inscrits,
      candidats: listes.map((liste, index) => {
        if (liste.voix > exprimes) throw refus(`« ${liste.liste} » a ${liste.voix} voix, plus que les ${exprimes} suffrages exprimés : corrigez ses voix.`);
        const seul = Array.isArray(liste.brut['candidats']) ? candidats(liste.brut['candidats'], `listes[${index}].candidats`)[0] : undefined;
        const naissance = liste.brut['date_naissance'] ?? seul?.date_naissance;
        return { nom: liste.liste, voix: liste.voix, date_naissance: date(naissance, `listes[${index}].date_naissance`) };
      }),
    },
  };
}
