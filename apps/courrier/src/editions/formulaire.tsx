/** The pieces of the editions' forms: a date field with its help and its error, the errors' summary. */
import type { ErreursPeriode } from './periode.ts';

/** `aria-describedby` (help, then error) and `aria-invalid` of a field. */
const decrit = (id: string, erreur: string | undefined) => ({
  'aria-describedby': erreur ? `${id}-aide ${id}-erreur` : `${id}-aide`,
  ...(erreur ? { 'aria-invalid': 'true' as const } : {}),
});

export function ChampDate(props: { id: string; nom: string; libelle: string; valeur: string; erreur: string | undefined }) {
  return (
    <div class="champ">
      <label for={props.id}>{props.libelle}</label>
      <span id={`${props.id}-aide`} class="aide">Format JJ/MM/AAAA</span>
      <input id={props.id} name={props.nom} type="text" inputmode="numeric" autocomplete="off" required value={props.valeur} {...decrit(props.id, props.erreur)} />
      {props.erreur ? (
        <p id={`${props.id}-erreur`} class="erreur-champ">
          {props.erreur}
        </p>
      ) : null}
    </div>
  );
}

export function ChampChoix(props: { id: string; nom: string; libelle: string; valeur: string; choix: readonly { valeur: string; libelle: string }[]; erreur: string | undefined }) {
  return (
    <div class="champ">
      <label for={props.id}>{props.libelle}</label>
      <span id={`${props.id}-aide`} class="aide">Un registre à la fois</span>
      <select id={props.id} name={props.nom} required {...decrit(props.id, props.erreur)}>
        {props.choix.map((choix) => (
          <option value={choix.valeur} selected={choix.valeur === props.valeur}>
            {choix.libelle}
          </option>
        ))}
      </select>
      {props.erreur ? (
        <p id={`${props.id}-erreur`} class="erreur-champ">
          {props.erreur}
        </p>
      ) : null}
    </div>
  );
}

/** The messages of a refused form, for the page's message area. */
export const messagesErreurs = (erreurs: ErreursPeriode | undefined) =>
  erreurs ? Object.values(erreurs).map((text) => ({ kind: 'error' as const, text })) : [];
