/** The helpers of the template editor, at fixed addresses (outside `/:app/…`). */
export const TEMPLATE_FIELDS_URL = '/gabarits/champs';
export const TEMPLATE_SOUSETATS_URL = '/gabarits/sous-etats';
