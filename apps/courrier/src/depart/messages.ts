/**
 * The French messages of the departure mail's circuit and sending: one place, so that the tests
 * assert the very texts the users read.
 */
export const ETATS_DEPART = ['projet', 'en_visa', 'refuse', 'vise', 'parti'] as const;
export type EtatDepart = (typeof ETATS_DEPART)[number];

export const LIBELLES_ETAT: Readonly<Record<EtatDepart, string>> = {
  projet: 'en projet',
  en_visa: 'en visa',
  refuse: 'refusé au visa',
  vise: 'visé',
  parti: 'parti',
};

const libelleEtat = (etat: unknown): string => LIBELLES_ETAT[etat as EtatDepart] ?? String(etat);

export const MESSAGES = {
  pasUnDepart: 'Cette action ne concerne qu’un courrier de départ.',
  circuitPasDepart: 'Un circuit de visa ne se prépare que pour un courrier de départ.',
  circuitFige: (etat: unknown) => `Le circuit de visa ne se modifie plus : le courrier est ${libelleEtat(etat)}.`,
  viseurDejaLa: 'Cet agent est déjà viseur dans ce circuit.',
  soumettreIndisponible: (etat: unknown) => `Le courrier est ${libelleEtat(etat)} : seul un courrier en projet ou refusé se soumet au visa.`,
  circuitVide: 'Ajoutez d’abord au moins une étape au circuit de visa (onglet « Visas »).',
  soumis: (numero: string, viseur: string) => `Courrier ${numero} soumis au visa : la première étape revient à ${viseur}.`,
  pasEnVisa: (etat: unknown) => `Le courrier est ${libelleEtat(etat)} : il n’attend aucun visa.`,
  sansDroitDeViser: 'Vous n’avez pas le droit de viser (droit « courrier.viser »).',
  pasVotreEtape: (viseur: string, rang: number) => `L’étape en cours du circuit (rang ${rang}) revient à ${viseur} : vous ne pouvez pas la viser ni la refuser.`,
  aucuneEtape: 'Le circuit de visa n’a plus d’étape en attente.',
  vise: (numero: string) => `Courrier ${numero} visé : le circuit est terminé, il peut partir.`,
  etapeSuivante: (viseur: string, rang: number) => `Visa enregistré : l’étape suivante (rang ${rang}) revient à ${viseur}.`,
  motifRequis: 'Indiquez le motif du refus.',
  refuse: (numero: string) => `Courrier ${numero} refusé au visa : il revient à son rédacteur.`,
  partiIndisponible: (etat: unknown) =>
    etat === 'parti'
      ? 'Le courrier est déjà parti.'
      : etat === 'en_visa'
        ? 'Le courrier est en visa : il ne peut partir qu’une fois visé.'
        : etat === 'refuse'
          ? 'Le courrier a été refusé au visa : corrigez-le et soumettez-le de nouveau.'
          : `Le courrier est ${libelleEtat(etat)} : il ne peut pas partir.`,
  circuitNonVise: 'Le courrier a un circuit de visa : soumettez-le au visa, il partira une fois visé.',
  parti: (numero: string, date: string) => `Courrier ${numero} parti le ${date}.`,
  sansDroitDEnvoyer: 'Vous n’avez pas le droit d’envoyer le courrier par courriel (droit « courrier.envoyer »).',
  sansReponse: 'Joignez d’abord la lettre à envoyer au dossier (document de type réponse).',
  destinataireInvalide: 'Indiquez l’adresse électronique du destinataire (par exemple prenom.nom@exemple.fr).',
  fichiersIndisponibles: 'La lettre ne peut pas être lue ici : l’envoi par courriel n’est pas disponible.',
  fichierIntrouvable: 'Le fichier de la lettre est introuvable : joignez-la de nouveau au dossier.',
  envoiEchoue: 'Le courriel n’a pas pu être envoyé : réessayez plus tard ou contactez l’administrateur. Rien n’a été modifié.',
  envoye: (numero: string, destinataire: string) => `Courrier ${numero} envoyé par courriel à ${destinataire} ; il est marqué parti.`,
  partiFige: 'Un courrier parti ne se modifie plus, sauf son observation.',
  partiNeSeSupprimePas: 'Un courrier parti ne se supprime pas : il sera archivé.',
} as const;
