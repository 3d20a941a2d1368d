/**
 * The concession pages: « Vendre une concession » (`/cimetiere/vente/:emplacement`, right
 * `cimetiere.concession_vendre`), « Concessions à terme » (`/cimetiere/concessions-a-terme`, menu
 * Concessions) and its dashboard widget (the 15 oldest terms).
 */
import { sql } from 'kysely';
import { applicationMenu, RUBRIQUES_CIMETIERE } from '../objects/menu.ts';
import type { Actor } from '../../../../framework/src/access/actor.ts';
import { writeAs } from '../../../../framework/src/db/tenant-context.ts';
import { RouteError, type AppPage, type PageAnswer, type PageContext } from '../../../../framework/src/model/app-routes.ts';
import type { ServerWidget } from '../../../../framework/src/model/extensions.ts';
import { Veto, type Choice, type RecordLink } from '../../../../framework/src/model/override.ts';
import type { Registry } from '../../../../framework/src/model/registry.ts';
import { writeAudit } from '../../../../framework/src/records/audit.ts';
import { aujourdhuiAParis } from '../core/etat.ts';
import { ETATS_EMPLACEMENT, libelleDe, NATURES_EMPLACEMENT } from '../core/libelles.ts';
import { concessionsATerme, finDAnnee } from './a-terme.ts';
import { ATermePage } from './a-terme-page.tsx';
import { dateFr } from './dates.ts';
import { lireEmplacement } from './lecture.ts';
import { NATURES_CONCEDABLES, type DureeType } from './libelles.ts';
import { message } from './messages.ts';
import { dateSaisie, decimalSaisi, dureeTypeSaisi, entierSaisi, texte } from './saisie.ts';
import { vendreConcession, type DemandeVente } from './vente.ts';
import { VentePage } from './vente-page.tsx';

export const VENTE_PERMISSION = 'cimetiere.concession_vendre';
const A_TERME_PERMISSION = 'cimetiere.concession_tab';
export const A_TERME_PAGE = 'concessions-a-terme';
export const venteHref = (emplacement: unknown): string => `/cimetiere/vente/${String(emplacement)}`;

const champs = ['date', 'duree_type', 'duree', 'type_concession', 'superficie', 'tarif', 'autorisation', 'titre', 'nom', 'prenom', 'adresse1', 'cp', 'ville', 'telephone', 'courriel'];

function demandeDe(emplacement: number, form: Readonly<Record<string, string>>): DemandeVente {
  const typeConcession = texte(form['type_concession']) || 'familiale';
  const autorisation = entierSaisi(form['autorisation'], 'autorisation', 'Concessionnaire');
  const nul = (champ: string) => texte(form[champ]) || null;
  return {
    emplacement,
    date: dateSaisie(form['date'], 'date', 'la date de l’acte'),
    dureeType: dureeTypeSaisi(form['duree_type']) as DureeType,
    duree: entierSaisi(form['duree'], 'duree', 'Durée'),
    typeConcession: (['familiale', 'individuelle', 'collective'].includes(typeConcession) ? typeConcession : 'familiale') as DemandeVente['typeConcession'],
    superficie: decimalSaisi(form['superficie'], 'superficie', 'Superficie'),
    tarif: entierSaisi(form['tarif'], 'tarif', 'Tarif'),
    autorisation,
    concessionnaire:
      autorisation !== null
        ? null
        : {
            titre: entierSaisi(form['titre'], 'titre', 'Titre'),
            nom: texte(form['nom']).slice(0, 60),
            prenom: nul('prenom'),
            adresse1: nul('adresse1'),
            cp: nul('cp'),
            ville: nul('ville'),
            telephone: nul('telephone'),
            courriel: nul('courriel'),
          },
  };
}

async function choixDeVente(context: PageContext<Actor>, emplacement: number, nature: string) {
  return context.read(async (db) => {
    const annee = Number(aujourdhuiAParis().slice(0, 4));
    const tarifs = (
      await sql<{ tarif: number; annee: number; libelle: string; montant: string; par_m2: boolean }>`select tarif, annee, libelle, montant, par_m2
        from cimetiere.tarif where nature = ${nature} and annee between ${annee - 1} and ${annee + 1} order by annee desc, libelle`.execute(db)
    ).rows;
    const concessionnaires = (
      await sql<{ autorisation: number; nom: string; prenom: string | null }>`select autorisation, nom, prenom from cimetiere.autorisation
        where emplacement = ${emplacement} and nature = 'concessionnaire' and not decede order by nom, autorisation`.execute(db)
    ).rows;
    const titres = (await sql<{ titre: number; libelle: string }>`select titre, libelle from cimetiere.titre order by libelle`.execute(db)).rows;
    return {
      tarifs: tarifs.map((t): Choice => ({ value: String(t.tarif), label: `${t.annee} — ${t.libelle} : ${t.montant} €${t.par_m2 ? ' le m²' : ''}` })),
      concessionnaires: concessionnaires.map((a): Choice => ({ value: String(a.autorisation), label: [a.nom, a.prenom].filter(Boolean).join(' ') })),
      titres: titres.map((t): Choice => ({ value: String(t.titre), label: t.libelle })),
    };
  });
}

async function venteHandler(context: PageContext<Actor>): Promise<PageAnswer> {
  const cle = Number(context.params['emplacement']);
  const emplacement = Number.isSafeInteger(cle) && cle > 0 ? await context.read((db) => lireEmplacement(db, cle)) : undefined;
  if (!emplacement) throw RouteError.notFound(message('emplacementIntrouvable'));
  const title = `${message('vente')} — ${emplacement.adresse}`;
  const choix = await choixDeVente(context, emplacement.emplacement, emplacement.nature);
  const vue = (valeurs: Readonly<Record<string, string>>, erreurs: Record<string, string>, texteMessage: string | undefined, status: 200 | 422): PageAnswer => ({
    title,
    breadcrumb: [{ label: 'Emplacement', href: `/cimetiere/emplacement/${emplacement.emplacement}` }, { label: message('vente') }],
    status,
    messages: texteMessage ? [{ kind: status === 200 ? 'warning' : 'error', text: texteMessage }] : [],
    body: <VentePage vue={{ emplacement: emplacement.emplacement, adresse: emplacement.adresse, csrf: context.csrf, valeurs, erreurs, ...choix }} />,
  });
  if (context.method === 'GET') {
    const avertissement = !NATURES_CONCEDABLES.includes(emplacement.nature)
      ? message('natureNonConcedable', { nature: libelleDe(NATURES_EMPLACEMENT, emplacement.nature) })
      : emplacement.etat !== 'libre'
        ? message('emplacementNonLibre', { adresse: emplacement.adresse, etat: libelleDe(ETATS_EMPLACEMENT, emplacement.etat).toLowerCase() })
        : undefined;
    return vue({ date: dateFr(aujourdhuiAParis()), duree_type: 'trentenaire', superficie: emplacement.superficie === null ? '' : String(emplacement.superficie) }, {}, avertissement, 200);
  }
  const tapees = Object.fromEntries(champs.map((champ) => [champ, context.form[champ] ?? '']));
  try {
    const demande = demandeDe(emplacement.emplacement, context.form);
    const objet = context.service.registry.get('cimetiere', 'concession');
    const vente = await writeAs(context.service.db.kysely, context.actor, async (trx) => {
      const faite = await vendreConcession(trx, demande);
      if (objet) {
        const apres = (await sql<Record<string, unknown>>`select * from cimetiere.concession where concession = ${faite.concession}`.execute(trx)).rows[0];
        await writeAudit(trx, { actor: context.actor, object: objet, action: 'vendre', key: faite.concession, before: undefined, after: apres, requestId: context.requestId });
      }
      return faite;
    });
    return { redirect: `/cimetiere/concession/${vente.concession}`, flash: { kind: 'success', text: vente.message } };
  } catch (error) {
    if (error instanceof Veto) return vue(tapees, error.fields, error.message || message('refusVente'), 422);
    throw error;
  }
}

const ventePage: AppPage = {
  app: 'cimetiere',
  path: 'vente/:emplacement',
  methods: ['GET', 'POST'],
  permission: VENTE_PERMISSION,
  handler: venteHandler,
};

const aTermePage: AppPage = {
  app: 'cimetiere',
  path: A_TERME_PAGE,
  permission: A_TERME_PERMISSION,
  menu: { ...applicationMenu(RUBRIQUES_CIMETIERE.concessions, 20, 'À terme'), label: 'À terme' },
  handler: async ({ read }) => {
    const aujourdhui = aujourdhuiAParis();
    const concessions = await read((db) => concessionsATerme(db, aujourdhui));
    return { title: message('aTerme'), body: <ATermePage concessions={concessions} fin={finDAnnee(aujourdhui)} /> };
  },
};

export const aTermeWidget: ServerWidget = {
  id: 'cimetiere.concessions_a_terme',
  label: message('aTerme'),
  permissions: [A_TERME_PERMISSION, 'cimetiere.concession'],
  async render({ read }) {
    const aujourdhui = aujourdhuiAParis();
    const concessions = await read((db) => concessionsATerme(db, aujourdhui, 15));
    if (concessions.length === 0) return { kind: 'empty' };
    return {
      kind: 'list',
      items: concessions.map((c) => ({
        label: `${c.famille || c.numero_acte} — ${c.adresse}`,
        href: `/cimetiere/concession/${c.concession}`,
        detail: c.joursDeRetard > 0 ? `échue le ${dateFr(c.date_terme)}` : `terme le ${dateFr(c.date_terme)}`,
      })),
      more: { label: message('voirToutes'), href: `/cimetiere/${A_TERME_PAGE}` },
    };
  },
};

export function registerConcessionPages(registry: Registry): void {
  registry.addPage(ventePage);
  registry.addPage(aTermePage);
  registry.addWidget(aTermeWidget);
}

/**
 * « Vendre une concession » from an emplacement's page (to add to the emplacement override's
 * `links`): offered on a libre emplacement of a concedable nature to those who may sell.
 */
export const venteLink: RecordLink = {
  label: message('vente'),
  href: (record) => venteHref(record['emplacement']),
  permissions: [VENTE_PERMISSION],
  condition: (record) => record['etat'] === 'libre' && NATURES_CONCEDABLES.includes(String(record['nature'])),
  order: 10,
};
