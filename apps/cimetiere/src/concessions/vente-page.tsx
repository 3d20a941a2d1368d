/** The form « Vendre une concession » of an emplacement: durée, type, superficie, concessionnaire, tarif. */
import type { Choice, FieldErrors } from '../../../../framework/src/model/override.ts';
import { DUREES, TYPES_CONCESSION } from './libelles.ts';

export interface Csrf {
  readonly field: string;
  readonly token: string;
}

export interface VenteVue {
  readonly emplacement: number;
  readonly adresse: string;
  readonly csrf: Csrf;
  readonly valeurs: Readonly<Record<string, string>>;
  readonly erreurs: FieldErrors;
  readonly tarifs: readonly Choice[];
  readonly concessionnaires: readonly Choice[];
  readonly titres: readonly Choice[];
}

function Champ(props: { vue: VenteVue; name: string; label: string; type?: string; aide?: string; requis?: boolean; autocomplete?: string }) {
  const { vue, name } = props;
  const id = `vente-${name}`;
  const erreur = vue.erreurs[name];
  const decrit = [erreur ? `${id}-erreur` : '', props.aide ? `${id}-aide` : ''].filter(Boolean).join(' ');
  return (
    <div class="champ">
      <label for={id}>{props.requis ? `${props.label} *` : props.label}</label>
      <input
        id={id}
        name={name}
        type={props.type ?? 'text'}
        value={vue.valeurs[name] ?? ''}
        {...(props.autocomplete ? { autocomplete: props.autocomplete } : {})}
        {...(props.requis ? { 'aria-required': 'true' } : {})}
        {...(decrit ? { 'aria-describedby': decrit } : {})}
        {...(erreur ? { 'aria-invalid': 'true' } : {})}
      />
      {erreur ? <p class="erreur-champ" id={`${id}-erreur`}>{erreur}</p> : null}
      {props.aide ? <p class="aide" id={`${id}-aide`}>{props.aide}</p> : null}
    </div>
  );
}

function Liste(props: { vue: VenteVue; name: string; label: string; choix: readonly Choice[]; vide?: string; aide?: string }) {
  const { vue, name } = props;
  const id = `vente-${name}`;
  const erreur = vue.erreurs[name];
  const choisi = vue.valeurs[name] ?? '';
  const decrit = [erreur ? `${id}-erreur` : '', props.aide ? `${id}-aide` : ''].filter(Boolean).join(' ');
  return (
    <div class="champ">
      <label for={id}>{props.label}</label>
      <select id={id} name={name} {...(decrit ? { 'aria-describedby': decrit } : {})} {...(erreur ? { 'aria-invalid': 'true' } : {})}>
        {props.vide !== undefined ? <option value="">{props.vide}</option> : null}
        {props.choix.map((choix) => (
          <option value={choix.value} selected={choix.value === choisi}>
            {choix.label}
          </option>
        ))}
      </select>
      {erreur ? <p class="erreur-champ" id={`${id}-erreur`}>{erreur}</p> : null}
      {props.aide ? <p class="aide" id={`${id}-aide`}>{props.aide}</p> : null}
    </div>
  );
}

export function VentePage({ vue }: { vue: VenteVue }) {
  return (
    <>
      <p id="vente-emplacement">{`Emplacement : ${vue.adresse}.`}</p>
      <form method="post" action={`/cimetiere/vente/${vue.emplacement}`} class="formulaire" novalidate>
        <input type="hidden" name={vue.csrf.field} value={vue.csrf.token} />
        <fieldset class="section">
          <legend>L’acte</legend>
          <Champ vue={vue} name="date" label="Date de l’acte et de la vente" aide="JJ/MM/AAAA ; aujourd’hui si vide. Le terme court de cette date." />
          <Liste vue={vue} name="duree_type" label="Durée *" choix={DUREES} />
          <Champ vue={vue} name="duree" label="Durée en années (temporaire)" aide="De 1 à 15 ans, pour une concession temporaire seulement." />
          <Liste vue={vue} name="type_concession" label="Type de concession" choix={TYPES_CONCESSION} />
          <Champ vue={vue} name="superficie" label="Superficie concédée (m²)" aide="Vide : celle de l’emplacement. Multiplie un tarif au mètre carré." />
          <Liste vue={vue} name="tarif" label="Tarif" choix={vue.tarifs} vide="Le tarif de l’année pour cette durée" />
        </fieldset>
        <fieldset class="section">
          <legend>Le concessionnaire</legend>
          {vue.concessionnaires.length > 0 ? (
            <Liste vue={vue} name="autorisation" label="Concessionnaire déjà inscrit" choix={vue.concessionnaires} vide="Un nouveau concessionnaire (ci-dessous)" />
          ) : null}
          <Liste vue={vue} name="titre" label="Titre" choix={vue.titres} vide="—" />
          <Champ vue={vue} name="nom" label="Nom" requis autocomplete="family-name" />
          <Champ vue={vue} name="prenom" label="Prénom" autocomplete="given-name" />
          <Champ vue={vue} name="adresse1" label="Adresse" autocomplete="street-address" />
          <Champ vue={vue} name="cp" label="Code postal" autocomplete="postal-code" />
          <Champ vue={vue} name="ville" label="Ville" autocomplete="address-level2" />
          <Champ vue={vue} name="telephone" label="Téléphone" type="tel" autocomplete="tel" />
          <Champ vue={vue} name="courriel" label="Courriel" type="email" autocomplete="email" />
        </fieldset>
        <div class="boutons">
          <button type="submit">Vendre la concession</button>
          <a href={`/cimetiere/emplacement/${vue.emplacement}`}>Annuler</a>
        </div>
      </form>
    </>
  );
}
