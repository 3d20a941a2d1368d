/** Messages of the maps' settings (om_sig_*): menu, help and the rules of their forms. */
import { defineMessages } from '../i18n/index.ts';

/** The placeholders of an XYZ tiles address, given to the messages that name them. */
export const XYZ_EXAMPLE = { jetons: '{z}, {x}, {y}', exemple: 'https://tuiles.example.org/{z}/{x}/{y}.png' } as const;

export const cartesMessage = defineMessages(
  'cartes',
  {
    menu: {
      categorie: 'Cartographie',
      cartes: 'Cartes',
      fonds: 'Fonds de carte',
    },
    choix: {
      xyz: 'Tuiles XYZ',
      wms: 'WMS',
      wmts: 'WMTS',
      webMercator: 'Web Mercator (EPSG:3857)',
      lambert93: 'Lambert-93 (EPSG:2154)',
      wgs84: 'Longitude et latitude WGS 84 (EPSG:4326)',
    },
    legendes: {
      carte: 'Carte',
      vue: 'Vue à l’ouverture',
      emprise: 'Emprise (degrés WGS 84)',
      couche: 'Couche',
      style: 'Style',
    },
    aide: {
      url: 'Une adresse https:// (XYZ : avec {jetons}, par exemple {exemple}) ou un chemin de ce site commençant par / : aucune adresse http:// n’est acceptée.',
      couches: 'Pour WMS et WMTS : le nom des couches du service, séparés par des virgules.',
      objetCarte: 'Laissez vide pour la carte par défaut de la collectivité, utilisée par les objets qui n’ont pas la leur.',
      objetCouche: 'L’objet dont les enregistrements sont dessinés sur la carte (il doit avoir un champ géométrie).',
      emprise: 'Les quatre bornes, ou aucune : ouest < est et sud < nord.',
      champGeometrie: 'Nom du champ géométrie de l’objet ; vide : son premier champ géométrie.',
      champStyle: 'Nom d’un champ à choix fixes de l’objet (liste, case à cocher, référence) : ses valeurs prennent les couleurs de la légende.',
      couleur: 'Couleur des éléments dont le champ de style vaut cette valeur.',
    },
    erreurs: {
      adresse: 'Saisissez une adresse qui commence par https:// ou un chemin de ce site qui commence par / : « {url} » n’est pas accepté.',
      tuilesXyz: 'Une adresse de tuiles XYZ contient {jetons} (par exemple {exemple}).',
      couches: 'Indiquez le nom des couches du service {type}, séparés par des virgules.',
      objetInconnu: 'L’objet « {objet} » n’existe pas : choisissez-le dans la liste (application.table).',
      objetSansGeometrie: 'L’objet « {objet} » n’a pas de champ géométrie : choisissez un objet qui en a un.',
      carteEnDouble: 'La collectivité a déjà une carte pour « {objet} » : modifiez celle-là.',
      carteParDefautEnDouble: 'La collectivité a déjà une carte par défaut : modifiez celle-là, ou choisissez un objet.',
      centre: 'Saisissez la longitude et la latitude du centre, ou aucune des deux.',
      empriseIncomplete: 'Saisissez les quatre bornes de l’emprise, ou aucune.',
      empriseLongitude: 'La longitude ouest ({min}) doit être inférieure à la longitude est ({max}).',
      empriseLatitude: 'La latitude sud ({min}) doit être inférieure à la latitude nord ({max}).',
      champGeometrie: '« {champ} » n’est pas un champ géométrie de « {objet} » ; champs possibles : {champs}.',
      champStyle: '« {champ} » n’est pas un champ à choix fixes de « {objet} » ; champs possibles : {champs}.',
      aucunChamp: 'aucun',
      couleur: 'Saisissez une couleur au format #rrggbb (par exemple #3366cc), pas « {couleur} ».',
    },
  },
  {
    en: {
      menu: { categorie: 'Maps', cartes: 'Maps', fonds: 'Base layers' },
      choix: {
        xyz: 'XYZ tiles',
        wms: 'WMS',
        wmts: 'WMTS',
        webMercator: 'Web Mercator (EPSG:3857)',
        lambert93: 'Lambert-93 (EPSG:2154)',
        wgs84: 'WGS 84 longitude and latitude (EPSG:4326)',
      },
      legendes: { carte: 'Map', vue: 'View when opened', emprise: 'Extent (WGS 84 degrees)', couche: 'Layer', style: 'Style' },
      aide: {
        url: 'An https:// address (XYZ: with {jetons}, e.g. {exemple}) or a path of this site starting with /: no http:// address is accepted.',
        couches: 'For WMS and WMTS: the names of the service’s layers, separated by commas.',
        objetCarte: 'Leave empty for the collectivité’s default map, used by the objects that have none of their own.',
        objetCouche: 'The object whose records are drawn on the map (it must have a geometry field).',
        emprise: 'The four bounds, or none: west < east and south < north.',
        champGeometrie: 'Name of the object’s geometry field; empty: its first geometry field.',
        champStyle: 'Name of a field of the object with fixed choices (list, checkbox, reference): its values take the legend’s colours.',
        couleur: 'Colour of the features whose style field has this value.',
      },
      erreurs: {
        adresse: 'Enter an address starting with https:// or a path of this site starting with /: “{url}” is not accepted.',
        tuilesXyz: 'An XYZ tiles address contains {jetons} (e.g. {exemple}).',
        couches: 'Give the names of the {type} service’s layers, separated by commas.',
        objetInconnu: 'The object “{objet}” does not exist: choose it from the list (application.table).',
        objetSansGeometrie: 'The object “{objet}” has no geometry field: choose an object that has one.',
        carteEnDouble: 'The collectivité already has a map for “{objet}”: change that one.',
        carteParDefautEnDouble: 'The collectivité already has a default map: change that one, or choose an object.',
        centre: 'Enter both the longitude and the latitude of the centre, or neither.',
        empriseIncomplete: 'Enter the four bounds of the extent, or none.',
        empriseLongitude: 'The west longitude ({min}) must be less than the east longitude ({max}).',
        empriseLatitude: 'The south latitude ({min}) must be less than the north latitude ({max}).',
        champGeometrie: '“{champ}” is not a geometry field of “{objet}”; possible fields: {champs}.',
        champStyle: '“{champ}” is not a field with fixed choices of “{objet}”; possible fields: {champs}.',
        aucunChamp: 'none',
        couleur: 'Enter a colour as #rrggbb (e.g. #3366cc), not “{couleur}”.',
      },
    },
  },
);
