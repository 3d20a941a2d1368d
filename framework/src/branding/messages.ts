import { defineMessages } from '../i18n/index.ts';

/** What the branding engine tells users: refused colours and logos. */
export const brandingMessages = defineMessages(
  'branding',
  {
    colourFormat: 'La couleur « {value} » n’est pas reconnue : écrivez-la #rrggbb, par exemple #0b4f8a.',
    colourContrast:
      'La couleur {colour} n’est pas assez contrastée : rapport de {found}:1 {usage}, il faut au moins {needed}:1 (RGAA, critère 3.2). Choisissez une couleur plus foncée. Rien n’a été enregistré.',
    usages: {
      white: 'avec le texte blanc de l’en-tête et des boutons, et pour les liens sur fond blanc',
      light: 'pour les liens sur le fond gris clair du fil d’Ariane',
    },
    logoLabel: 'Logo',
    logoMissing: 'Choisissez un fichier de logo (PNG ou JPEG).',
    logoUnreadable: 'Le fichier « {name} » n’est pas une image PNG ou JPEG lisible.',
    logoTooWide: 'Le logo « {name} » mesure {width} × {height} pixels : {max} pixels au plus de côté.',
  },
  {
    en: {
      colourFormat: 'The colour “{value}” is not recognised: write it #rrggbb, for example #0b4f8a.',
      colourContrast:
        'The colour {colour} does not contrast enough: ratio {found}:1 {usage}, at least {needed}:1 is needed (RGAA, criterion 3.2). Choose a darker colour. Nothing was saved.',
      usages: {
        white: 'with the white text of the header and buttons, and for links on white',
        light: 'for links on the light grey background of the breadcrumb',
      },
      logoLabel: 'Logo',
      logoMissing: 'Choose a logo file (PNG or JPEG).',
      logoUnreadable: 'The file “{name}” is not a readable PNG or JPEG image.',
      logoTooWide: 'The logo “{name}” is {width} × {height} pixels: at most {max} pixels a side.',
    },
  },
);
