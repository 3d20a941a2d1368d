/** The application's own messages (rules of the forms, pages), French first. */
import { defineMessages } from '../../../framework/src/i18n/index.ts';

export const message = defineMessages('scrutin', {
  chevauchement:
    '« {personne} » est déjà affecté(e) au bureau {bureau} comme {fonction} de {debut} à {fin} pour ce scrutin : les heures se chevauchent. Choisissez d’autres heures ou une autre personne.',
  horsDepartement:
    '« {personne} » n’est pas inscrit(e) sur une liste électorale du département {departement} : le président, le vice-président et les assesseurs doivent être électeurs du département (article R44 du code électoral). Renseignez son département d’inscription ou choisissez une autre personne.',
  horsDelai:
    'Les désignations de la liste « {liste} » devaient parvenir avant le {limite} à 18 h (article R46 du code électoral) : celle du {date} est hors délai. Le maire peut désigner lui-même un assesseur manquant.',
  fonctionNonDesignable:
    'Une liste ou un candidat ne désigne que des assesseurs et des délégués : le {fonction} est désigné par le maire. Videz le champ « Désignée par ».',
  candidatureAutreScrutin: 'La liste « {liste} » n’est pas candidate à ce scrutin : choisissez une liste de ce scrutin.',
  dejaDesigne:
    'La liste « {liste} » a déjà désigné un {fonction} au bureau {bureau} : {personne}. Une liste désigne un seul titulaire et un seul suppléant par bureau (article R44 du code électoral).',
  horsOuverture: 'La permanence ({debut} à {fin}) doit se tenir pendant les heures du scrutin, de {ouverture} à {fermeture}.',
}, {
  en: {
    chevauchement: '“{personne}” already sits in polling station {bureau} as {fonction} from {debut} to {fin} for this election: the hours overlap. Choose other hours or another person.',
    horsDepartement:
      '“{personne}” is not on an electoral roll of département {departement}: the president, vice-president and assessors must be electors of the département (article R44 of the Code électoral). Enter their département of registration or choose another person.',
    horsDelai:
      'The designations of list “{liste}” were due before {limite} at 6 pm (article R46 of the Code électoral): the one of {date} is late. The mayor may designate a missing assessor himself.',
    fonctionNonDesignable: 'A list or a candidate designates only assessors and delegates: the {fonction} is designated by the mayor. Empty the field “Désignée par”.',
    candidatureAutreScrutin: 'List “{liste}” does not stand in this election: choose a list of this election.',
    dejaDesigne:
      'List “{liste}” has already designated a {fonction} in polling station {bureau}: {personne}. A list designates one holder and one substitute per polling station (article R44 of the Code électoral).',
    horsOuverture: 'The shift ({debut} to {fin}) must be within the opening hours of the poll, from {ouverture} to {fermeture}.',
  },
});
