/**
 * « Répondre » on an arrival: the departure add form, prefilled (registre départ, en réponse à,
 * correspondant, service, référent, objet « Réponse : … »), and the addresses of the register forms.
 */
import type { RecordLink } from '../../../../framework/src/model/override.ts';
import type { Row } from '../../../../framework/src/db/connection.ts';

export const AJOUTER_COURRIER = '/courrier/courrier/new';

/** The add form of `/courrier/courrier/new` with these values. */
export function formulaireHref(valeurs: Readonly<Record<string, string | number | null | undefined>>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(valeurs)) if (value !== null && value !== undefined && value !== '') query.set(name, String(value));
  return `${AJOUTER_COURRIER}?${query.toString()}`;
}

export const objetDeReponse = (objet: unknown): string => `Réponse : ${String(objet ?? '')}`.slice(0, 1000);

export const repondreHref = (record: Row): string =>
  formulaireHref({
    registre: 'depart',
    reponse_a: record['courrier'] as number,
    correspondant: record['correspondant'] as number,
    service: record['service'] as number,
    referent: record['referent'] as number | null,
    objet: objetDeReponse(record['objet']),
  });

export const repondreLink: RecordLink = {
  label: 'Répondre',
  href: repondreHref,
  permissions: ['courrier.courrier_ajouter', 'courrier.courrier'],
  condition: (record) => record['registre'] === 'arrivee',
  order: 5,
};
