/** The element of the record page that sub-form answers go into (htmx `hx-target`). */
export const PANEL_ID = 'panneau-sous-formulaire';
