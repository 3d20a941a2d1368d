/**
 * The form engine (issue 3, point 5): the record pages in their four modes and custom actions,
 * the widgets, the layout, the double-submit guard and the file fields. Sub-forms reuse its
 * treatments (`submitCreate`, `submitEdit`…) and components, rendered inside a tab.
 */
export { formRoutes } from './routes.tsx';
export { formHelperRoutes } from './helper-routes.ts';
export { uploadAwareBodyLimit } from './body-limit.ts';
export { screenContext, readBody, type ScreenContext } from './context.ts';
export { formFields, referenceOf, type FormField, type FormMode, type Reference } from './fields.ts';
export { editForm, newForm, savedMessages, submitCreate, submitEdit, type CreateOutcome, type EditOutcome, type FormAgain } from './flows.ts';
export { RecordForm, type FormState, type FormTarget } from './form-view.tsx';
export { customAction, isWritable, objectLabel, mayDelete, mayRunAction, mayWrite } from './permissions.ts';
export { Portlet, portletLinks, type PortletLink } from './portlet.tsx';
export { RETOUR_FIELD, RETOUR_PARAM, returnOf, safeReturn, withReturn } from './retour.ts';
export { refusalOf, remove } from './save.ts';
export { RecordSheet } from './sheet.tsx';
export { fieldsFor, formState, staticContext } from './state.ts';
export { PREVIEW_URL, suggestionsUrl } from './urls.ts';
export type { FormBody } from './values.ts';
