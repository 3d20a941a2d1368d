/** The codes the préfecture files carry: the regulatory type of the election, the département of the commune. */
import type { TypeElection } from '../totaux/index.ts';

/** Code réglementaire of the election type (openRésultat's « type d'élection »). */
export const CODE_REGLEMENTAIRE: Readonly<Record<TypeElection, string>> = {
  municipales: 'MUN',
  municipales_moins_1000: 'MUN',
  legislatives: 'LEG',
  presidentielle: 'PRE',
  europeennes: 'EUR',
  departementales: 'DEP',
  regionales: 'REG',
};

/** `13004` → `13`, `2A004` → `2A`, `97411` → `974` (overseas départements have three characters). */
export function codeDepartement(codeCommune: string): string {
  return codeCommune.startsWith('97') || codeCommune.startsWith('98') ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2);
}
