/**
 * The page « Contrôle de la composition » of a scrutin: bureau by bureau, its members and hours,
 * and what it lacks before the day (or « Complet »); without a scrutin, the list of scrutins.
 */
import { dateFr, heureFr } from '../dates.ts';
import type { ControleBureau, ScrutinResume } from './query.ts';

const titreScrutin = (scrutin: ScrutinResume) => `${scrutin.libelle} — ${dateFr(scrutin.date_scrutin)}`;

export function ChoixScrutin(props: { scrutins: readonly ScrutinResume[] }) {
  if (props.scrutins.length === 0) return <p>Aucun scrutin : créez d’abord le scrutin dans « Scrutins ».</p>;
  return (
    <ul>
      {props.scrutins.map((scrutin) => (
        <li>
          <a href={`/scrutin/controle/${scrutin.scrutin}`}>{titreScrutin(scrutin)}</a>
        </li>
      ))}
    </ul>
  );
}

export function ControlePage(props: { scrutin: ScrutinResume; bureaux: readonly ControleBureau[] }) {
  const incomplets = props.bureaux.filter((bureau) => bureau.manquants.length > 0);
  return (
    <div class="controle-composition">
      <p class={incomplets.length === 0 ? 'message message-succes' : 'message message-avertissement'} id="controle-synthese">
        {props.bureaux.length === 0
          ? 'Aucun bureau de vote : créez les bureaux dans « Bureaux de vote ».'
          : incomplets.length === 0
            ? `Les ${props.bureaux.length} bureaux sont complets.`
            : `${incomplets.length} bureau${incomplets.length > 1 ? 'x' : ''} sur ${props.bureaux.length} incomplet${incomplets.length > 1 ? 's' : ''} : ${incomplets.map((bureau) => bureau.code).join(', ')}. Affectez les membres manquants avant le jour du scrutin.`}
      </p>
      <table class="listing-tableau" id="controle-bureaux">
        <caption>Composition des bureaux — {titreScrutin(props.scrutin)}</caption>
        <thead>
          <tr>
            <th scope="col">Bureau</th>
            <th scope="col">Membres</th>
            <th scope="col">État</th>
          </tr>
        </thead>
        <tbody>
          {props.bureaux.map((bureau) => (
            <tr>
              <th scope="row">
                {bureau.code} {bureau.libelle}
              </th>
              <td>
                {bureau.membres.length === 0 ? (
                  'Personne n’est affecté.'
                ) : (
                  <ul>
                    {bureau.membres.map((membre) => (
                      <li>
                        {membre.libelle_fonction} : {membre.nom} ({heureFr(membre.heure_debut)} – {heureFr(membre.heure_fin)}){membre.liste ? `, désigné par « ${membre.liste} »` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {bureau.manquants.length === 0 ? (
                  <span class="message message-succes">Complet</span>
                ) : (
                  <span class="message message-erreur">Manque : {bureau.manquants.join(', ')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/scrutin/affectation/new?scrutin=${props.scrutin.scrutin}`}>Ajouter une affectation</a> —{' '}
        <a href={`/scrutin/scrutin/${props.scrutin.scrutin}`}>Retour au scrutin</a>
      </p>
    </div>
  );
}
