/** Messages of the navigation screens (menu, global search): French (the reference) and English, key for key. */
import type { Translation } from '../types.ts';

export const navigationFr = {
  skipToMenu: 'Aller au menu',
  menu: {
    label: 'Menu principal',
    toggle: 'Menu',
  },
  search: {
    label: 'Rechercher dans l’application',
    submit: 'Rechercher',
    title: 'Recherche',
    titleFor: 'Recherche « {q} »',
    explanation:
      'Saisissez un mot, ou le début d’un mot, dans la zone « Rechercher » en haut de la page : la recherche porte sur tout ce ' +
      'que vous pouvez consulter, sans tenir compte des accents ni des majuscules. Le signe * remplace une suite de caractères.',
    tooShort: 'Saisissez au moins {min} caractères pour lancer la recherche.',
    tooLong: 'La recherche est trop longue : saisissez {max} caractères au plus.',
    noResult: 'Aucun résultat.',
    noResultFor: 'Rien ne correspond à « {q} » : vérifiez l’orthographe, ou saisissez seulement le début du mot.',
    summaryOne: 'Résultats pour « {q} » dans {count} liste.',
    summaryOther: 'Résultats pour « {q} » dans {count} listes.',
    countOne: '{count} résultat',
    countOther: '{count} résultats',
    countEstimated: 'environ {count} résultats',
    seeAll: 'Voir tous les résultats',
    seeAllIn: ' dans « {object} »',
    failed: 'La recherche n’a pas pu aboutir dans : {objects}. Réessayez plus tard ; si cela persiste, prévenez votre administrateur.',
  },
} as const;

export const navigationEn: Translation<typeof navigationFr> = {
  skipToMenu: 'Skip to the menu',
  menu: {
    label: 'Main menu',
    toggle: 'Site menu',
  },
  search: {
    label: 'Search the application',
    submit: 'Search',
    title: 'Search',
    titleFor: 'Search “{q}”',
    explanation:
      'Type a word, or the beginning of a word, in the “Search” box at the top of the page: the search covers everything you ' +
      'may consult, ignoring accents and capitals. The * sign stands for any characters.',
    tooShort: 'Type at least {min} characters to search.',
    tooLong: 'The search is too long: type at most {max} characters.',
    noResult: 'No result.',
    noResultFor: 'Nothing matches “{q}”: check the spelling, or type only the beginning of the word.',
    summaryOne: 'Results for “{q}” in {count} list.',
    summaryOther: 'Results for “{q}” in {count} lists.',
    countOne: '{count} result',
    countOther: '{count} results',
    countEstimated: 'about {count} results',
    seeAll: 'See all the results',
    seeAllIn: ' in “{object}”',
    failed: 'The search could not be completed in: {objects}. Try again later; if it goes on, tell your administrator.',
  },
};
