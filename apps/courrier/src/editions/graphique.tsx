/**
 * The chart of « Statistiques du courrier »: per service, the mail received and answered, as
 * horizontal bars drawn in SVG on the server (no script, no inline style: the CSP forbids them).
 * An image with a name; the same figures are in the table above it (its text alternative).
 */
import type { LigneStatistique } from './statistiques.ts';

const LARGEUR = 640;
const LIBELLES = 180;
const BARRE = 12;
const LIGNE = 2 * BARRE + 12;
const HAUT = 28;
const COULEURS = { recus: '#0b4f8a', repondus: '#1a7f3c' } as const;

export function GraphiqueServices(props: { lignes: readonly LigneStatistique[]; titre: string }) {
  const { lignes } = props;
  if (lignes.length === 0) return null;
  const max = Math.max(1, ...lignes.map((ligne) => ligne.recus));
  const echelle = (valeur: number) => Math.round(((LARGEUR - LIBELLES - 40) * valeur) / max);
  const hauteur = HAUT + lignes.length * LIGNE;
  return (
    <figure class="graphique-courrier">
      <svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="graphique-courrier-titre" viewBox={`0 0 ${LARGEUR} ${hauteur}`} width="100%" height={String(hauteur)}>
        <title id="graphique-courrier-titre">{props.titre}</title>
        <rect x={String(LIBELLES)} y="4" width="12" height="12" fill={COULEURS.recus} />
        <text x={String(LIBELLES + 18)} y="14" font-size="12">Reçus</text>
        <rect x={String(LIBELLES + 90)} y="4" width="12" height="12" fill={COULEURS.repondus} />
        <text x={String(LIBELLES + 108)} y="14" font-size="12">Répondus</text>
        {lignes.map((ligne, index) => {
          const y = HAUT + index * LIGNE;
          return (
            <g>
              <text x={String(LIBELLES - 6)} y={String(y + BARRE + 4)} font-size="12" text-anchor="end">{ligne.libelle}</text>
              <rect x={String(LIBELLES)} y={String(y)} width={String(echelle(ligne.recus))} height={String(BARRE)} fill={COULEURS.recus} />
              <text x={String(LIBELLES + echelle(ligne.recus) + 4)} y={String(y + BARRE - 2)} font-size="11">{String(ligne.recus)}</text>
              <rect x={String(LIBELLES)} y={String(y + BARRE)} width={String(echelle(ligne.repondus))} height={String(BARRE)} fill={COULEURS.repondus} />
              <text x={String(LIBELLES + echelle(ligne.repondus) + 4)} y={String(y + 2 * BARRE - 2)} font-size="11">{String(ligne.repondus)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>{`${props.titre} : les chiffres sont dans le tableau « Par service de traitement ».`}</figcaption>
    </figure>
  );
}
