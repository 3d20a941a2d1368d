/** The « Annuler » button of a running job: a POST with the CSRF token, back to the page it was on. */
import { CSRF_FIELD } from '../auth/csrf.ts';
import { RETOUR_FIELD } from '../screens/form/retour.ts';
import { JOB_PATHS } from './paths.ts';

export function CancelForm(props: { job: string; csrfToken: string; retour: string; label: string; accessibleLabel?: string }) {
  return (
    <form method="post" action={JOB_PATHS.cancel(props.job)} class="traitement-annuler">
      <input type="hidden" name={CSRF_FIELD} value={props.csrfToken} />
      <input type="hidden" name={RETOUR_FIELD} value={props.retour} />
      <button type="submit" aria-label={props.accessibleLabel}>{props.label}</button>
    </form>
  );
}
