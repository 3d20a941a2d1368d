/**
 * « Plan du cimetière » : la carte du cimetière (son plan scanné dessous s’il en a un, puis ses
 * zones, ses voies et ses emplacements colorés selon leur état ; un clic ouvre le résumé de
 * l’emplacement et son lien), et sous la carte la légende, qui compte aussi les emplacements par
 * état : ce tableau dit sans couleur ce que la carte montre en couleur.
 */
import type { MapConfiguration } from '../../../../framework/src/maps/configuration.ts';
import { ATTRIBUTES, type PlanTexts } from '../../../../framework/src/web/static/carte/contract.ts';
import { mapAttributes } from '../../../../framework/src/web/screens/carte/assets.ts';
import { LEGENDE_ETATS } from './configuration.ts';
import type { CimetierePlan, CompteEtat, PlanScanne } from './donnees.ts';

export interface PlanPageModele {
  readonly cimetiere: CimetierePlan;
  readonly configuration: MapConfiguration;
  /** L’adresse GeoJSON des emplacements du cimetière (la couche principale). */
  readonly sourceEmplacements: string;
  readonly comptes: readonly CompteEtat[];
  readonly sansPosition: number;
  readonly plansScannes: readonly PlanScanne[];
}

const TEXTES: PlanTexts = {
  loading: 'Chargement des emplacements…',
  loaded: 'Emplacements sur le plan : {count}.',
  loadError: 'Les emplacements n’ont pas pu être chargés : rechargez la page.',
  listEmpty: 'Aucun emplacement dans la partie du plan affichée.',
  listMore: 'Et {count} autres : zoomez pour les lister.',
};

const NOMBRE = new Intl.NumberFormat('fr-FR');

function Pastille(props: { couleur: string }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="13" height="13" fill={props.couleur} stroke="#333333" />
    </svg>
  );
}

function Legende(props: { comptes: readonly CompteEtat[]; sansPosition: number }) {
  return (
    <section class="carte-legende" aria-labelledby="plan-legende-titre">
      <h2 id="plan-legende-titre">Légende</h2>
      <table class="tableau">
        <caption>Emplacements par état</caption>
        <thead>
          <tr>
            <th scope="col">État</th>
            <th scope="col">Emplacements</th>
            <th scope="col">Placés sur le plan</th>
          </tr>
        </thead>
        <tbody>
          {props.comptes.map((compte) => (
            <tr>
              <th scope="row">
                <Pastille couleur={LEGENDE_ETATS.find((entree) => entree.valeur === compte.etat)?.couleur ?? '#333333'} /> {compte.libelle}
              </th>
              <td>{NOMBRE.format(compte.total)}</td>
              <td>{NOMBRE.format(compte.places)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.sansPosition > 0 ? (
        <p class="aide">
          {props.sansPosition === 1
            ? 'Un emplacement n’a pas encore de position : ouvrez-le et utilisez « Localiser » dans son formulaire.'
            : `${NOMBRE.format(props.sansPosition)} emplacements n’ont pas encore de position : ouvrez-les et utilisez « Localiser » dans leur formulaire.`}
        </p>
      ) : null}
    </section>
  );
}

export function PlanPage(props: { modele: PlanPageModele }) {
  const { cimetiere, configuration, sourceEmplacements, plansScannes } = props.modele;
  return (
    <div
      class="carte-recherche carte-plan"
      {...{
        [ATTRIBUTES.kind]: 'plan',
        [ATTRIBUTES.features]: sourceEmplacements,
        [ATTRIBUTES.texts]: JSON.stringify(TEXTES),
      }}
      {...mapAttributes(configuration)}
    >
      <p>
        <a href={`/cimetiere/cimetiere/${cimetiere.cimetiere}`}>Fiche du cimetière</a> —{' '}
        <a href="/cimetiere/emplacement">Liste des emplacements</a>
      </p>
      {plansScannes.length > 0 ? (
        <p>Plan scanné sous les emplacements : {plansScannes.map((plan) => plan.libelle).join(', ')}.</p>
      ) : null}
      {cimetiere.emprise === null ? (
        <p class="avertissement">Ce cimetière n’a encore ni périmètre, ni zone, ni voie, ni emplacement placé : le plan est vide.</p>
      ) : null}
      <p class="carte-sans-script">La carte demande JavaScript : la légende ci-dessous compte les emplacements par état, la liste des emplacements reste disponible.</p>
      <p class="carte-etat" role="status" aria-live="polite"></p>
      <div class="carte-disposition">
        <div class="carte-fond" role="region" tabindex={0} aria-label={`Plan — ${cimetiere.libelle}`} hidden></div>
        <section class="carte-liste" aria-labelledby="plan-liste-titre" hidden>
          <h2 id="plan-liste-titre">Emplacements affichés</h2>
          <p class="aide">Les emplacements placés dans la partie du plan affichée : choisissez-en un pour voir son résumé.</p>
          <ul class="carte-elements"></ul>
          <p class="carte-plus" aria-live="polite"></p>
        </section>
      </div>
      <div class="carte-popup" role="group" aria-label="Emplacement" hidden>
        <p class="carte-popup-titre"></p>
        <p>
          <a class="carte-popup-lien" href="#">
            Ouvrir l’emplacement
          </a>{' '}
          <button type="button" class="carte-lien-bouton carte-popup-fermer">
            Fermer
          </button>
        </p>
      </div>
      <Legende comptes={props.modele.comptes} sansPosition={props.modele.sansPosition} />
    </div>
  );
}
