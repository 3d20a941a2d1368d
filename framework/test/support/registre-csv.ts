/**
 * A large CSV file for `registre.traitement` (two foreign keys given by label, a unique name per
 * collectivité, dates), written as a stream: for the command's tests and its kill -9 tests.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const SERVICES_CSV = 'libelle;code;om_validite_debut;om_validite_fin\nService état civil;EC;;\nService élections;EL;;\n';

const BASES = ['Consentement', 'obligation legale', 'Mission d’intérêt public'.replace('’', "'"), 'INTÉRÊTS LÉGITIMES', 'Exécution d\'un contrat'];
const SERVICES = ['Service état civil', 'service elections'];

/** `lines` data lines after the header; `badEvery` > 0 puts an unknown base légale every that many lines. */
export async function writeTraitements(path: string, lines: number, options: { prefix?: string; badEvery?: number } = {}): Promise<void> {
  const out = createWriteStream(path);
  out.write('libelle;finalite;base_legale;service;responsable;date_revue_dpo;statut;donnees_sensibles;date_aipd;observations;date_creation;date_maj\n');
  for (let index = 1; index <= lines; index += 1) {
    const bad = options.badEvery && index % options.badEvery === 0;
    const base = bad ? 'Base inconnue' : BASES[index % BASES.length];
    const day = String((index % 28) + 1).padStart(2, '0');
    const line = `${options.prefix ?? 'Traitement'} n° ${index};Finalité ${index};${base};${SERVICES[index % 2]};Agent ${index % 97};${day}/06/2027;;Non;;;;\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}
