/**
 * Names for the demo electors: the most frequent surnames of France (in about the order of their
 * frequency, so that a weight falling with the rank gives a realistic list), first names by sex and
 * by generation, and a few names of other Member States of the European Union.
 */

export const NOMS: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin',
  'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet',
  'Adam', 'Paris', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier',
  'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet',
  'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain',
  'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré',
  'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez',
  'Guichard', 'Gillet', 'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva',
  'Bouchet', 'Gay', 'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret',
  'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte',
  'Œuvrard', 'Lefèbvre-Dumas', 'Saint-Martin', 'De la Fontaine', 'N’Diaye', 'Benhamou', 'Nguyen', 'Haddad', 'Traoré', 'Kowalski',
];

export const PRENOMS_FEMININS_ANCIENS: readonly string[] = [
  'Marie', 'Jeanne', 'Françoise', 'Monique', 'Catherine', 'Nathalie', 'Isabelle', 'Jacqueline', 'Anne', 'Sylvie',
  'Martine', 'Christine', 'Nicole', 'Madeleine', 'Suzanne', 'Hélène', 'Denise', 'Brigitte', 'Véronique', 'Chantal',
  'Danielle', 'Simone', 'Geneviève', 'Josette', 'Odette', 'Colette', 'Yvette', 'Thérèse', 'Germaine', 'Renée',
  'Annie', 'Michèle', 'Dominique', 'Évelyne', 'Marguerite',
];

export const PRENOMS_FEMININS_RECENTS: readonly string[] = [
  'Julie', 'Camille', 'Laura', 'Sarah', 'Marine', 'Léa', 'Manon', 'Chloé', 'Émilie', 'Pauline',
  'Céline', 'Aurélie', 'Stéphanie', 'Sandrine', 'Élodie', 'Mélanie', 'Audrey', 'Caroline', 'Clara', 'Inès',
  'Emma', 'Océane', 'Lucie', 'Anaïs', 'Justine', 'Mathilde', 'Zoé', 'Charlotte', 'Maëlle', 'Jade',
  'Sophie', 'Virginie', 'Amandine', 'Élise', 'Noémie',
];

export const PRENOMS_MASCULINS_ANCIENS: readonly string[] = [
  'Jean', 'Pierre', 'Michel', 'André', 'Philippe', 'Alain', 'Jacques', 'Bernard', 'Daniel', 'Patrick',
  'Christian', 'Gérard', 'René', 'Claude', 'Marcel', 'Louis', 'Roger', 'Robert', 'Henri', 'Georges',
  'Paul', 'François', 'Guy', 'Serge', 'Jean-Pierre', 'Jean-Claude', 'Jean-Marie', 'Yves', 'Gilles', 'Joël',
  'Dominique', 'Raymond', 'Lucien', 'Maurice', 'Émile',
];

export const PRENOMS_MASCULINS_RECENTS: readonly string[] = [
  'Nicolas', 'Julien', 'Thomas', 'Sébastien', 'Alexandre', 'Maxime', 'Kévin', 'Romain', 'Guillaume', 'Antoine',
  'Jérôme', 'Mathieu', 'Lucas', 'Hugo', 'Théo', 'Quentin', 'Florian', 'Benjamin', 'Clément', 'Léo',
  'Louis', 'Arthur', 'Jules', 'Gabriel', 'Nathan', 'Enzo', 'Raphaël', 'Adrien', 'Baptiste', 'Valentin',
  'Frédéric', 'Stéphane', 'Cédric', 'Jérémy', 'Loïc',
];

/** Citizens of other Member States, with their nationality code, country of birth (INSEE) and towns. */
export const EUROPEENS: readonly {
  readonly nationalite: string;
  readonly pays: string;
  readonly villes: readonly string[];
  readonly noms: readonly string[];
  readonly prenomsF: readonly string[];
  readonly prenomsM: readonly string[];
}[] = [
  { nationalite: 'PRT', pays: '99139', villes: ['Lisbonne', 'Porto', 'Braga', 'Coimbra'], noms: ['Da Silva', 'Ferreira', 'Pereira', 'Rodrigues', 'Gonçalves', 'Fernandes', 'Lopes'], prenomsF: ['Maria', 'Ana', 'Joana', 'Inês'], prenomsM: ['João', 'José', 'António', 'Tiago'] },
  { nationalite: 'ESP', pays: '99134', villes: ['Madrid', 'Barcelone', 'Valence', 'Séville'], noms: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez'], prenomsF: ['Carmen', 'Lucía', 'Isabel', 'Pilar'], prenomsM: ['Javier', 'Carlos', 'Miguel', 'Álvaro'] },
  { nationalite: 'ITA', pays: '99127', villes: ['Rome', 'Milan', 'Naples', 'Turin'], noms: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo'], prenomsF: ['Giulia', 'Francesca', 'Chiara', 'Sofia'], prenomsM: ['Marco', 'Luca', 'Giuseppe', 'Alessandro'] },
  { nationalite: 'BEL', pays: '99131', villes: ['Bruxelles', 'Liège', 'Namur', 'Gand'], noms: ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Dubois', 'Lambert'], prenomsF: ['Louise', 'Elise', 'Amélie'], prenomsM: ['Arnaud', 'Lucas', 'Thibault'] },
  { nationalite: 'DEU', pays: '99109', villes: ['Berlin', 'Munich', 'Cologne', 'Fribourg-en-Brisgau'], noms: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker'], prenomsF: ['Anna', 'Katharina', 'Sabine', 'Ursula'], prenomsM: ['Klaus', 'Stefan', 'Jürgen', 'Matthias'] },
  { nationalite: 'POL', pays: '99122', villes: ['Varsovie', 'Cracovie', 'Gdańsk'], noms: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik'], prenomsF: ['Agnieszka', 'Katarzyna', 'Małgorzata'], prenomsM: ['Piotr', 'Krzysztof', 'Tomasz'] },
  { nationalite: 'ROU', pays: '99114', villes: ['Bucarest', 'Cluj-Napoca', 'Iași'], noms: ['Popescu', 'Ionescu', 'Popa', 'Dumitru'], prenomsF: ['Elena', 'Ioana', 'Andreea'], prenomsM: ['Andrei', 'Mihai', 'Ion'] },
  { nationalite: 'NLD', pays: '99135', villes: ['Amsterdam', 'Rotterdam', 'Utrecht'], noms: ['De Jong', 'Jansen', 'De Vries', 'Van den Berg'], prenomsF: ['Sanne', 'Femke'], prenomsM: ['Daan', 'Pieter'] },
  { nationalite: 'IRL', pays: '99136', villes: ['Dublin', 'Cork', 'Galway'], noms: ['Murphy', 'Kelly', 'O’Sullivan', 'Walsh'], prenomsF: ['Siobhán', 'Aoife'], prenomsM: ['Seán', 'Ciarán'] },
];

/** Where electors born abroad (not in the EU lists) were born: country (INSEE), towns, weight. */
export const NAISSANCES_ETRANGER: readonly { readonly pays: string; readonly villes: readonly string[]; readonly poids: number }[] = [
  { pays: '99350', villes: ['Casablanca', 'Rabat', 'Marrakech', 'Fès', 'Oujda'], poids: 8 },
  { pays: '99352', villes: ['Alger', 'Oran', 'Constantine', 'Tlemcen', 'Sétif'], poids: 7 },
  { pays: '99351', villes: ['Tunis', 'Sfax', 'Sousse'], poids: 4 },
  { pays: '99139', villes: ['Lisbonne', 'Porto', 'Braga'], poids: 5 },
  { pays: '99134', villes: ['Madrid', 'Barcelone', 'Saragosse'], poids: 3 },
  { pays: '99127', villes: ['Rome', 'Turin', 'Naples'], poids: 3 },
  { pays: '99131', villes: ['Bruxelles', 'Liège', 'Charleroi'], poids: 2 },
  { pays: '99109', villes: ['Berlin', 'Stuttgart', 'Sarrebruck'], poids: 2 },
  { pays: '99341', villes: ['Dakar', 'Saint-Louis', 'Thiès'], poids: 2 },
  { pays: '99326', villes: ['Abidjan', 'Bouaké'], poids: 1 },
  { pays: '99208', villes: ['Istanbul', 'Ankara', 'Izmir'], poids: 1 },
  { pays: '99243', villes: ['Hô Chi Minh-Ville', 'Hanoï'], poids: 1 },
  { pays: '99132', villes: ['Londres', 'Manchester'], poids: 1 },
  { pays: '99401', villes: ['Montréal', 'Québec'], poids: 1 },
  { pays: '99140', villes: ['Genève', 'Lausanne'], poids: 1 },
];

/** Towns of the four former départements of Algeria (births before 1962). */
export const VILLES_ALGERIE: Readonly<Record<string, readonly string[]>> = {
  '91352': ['Alger', 'Blida', 'Tizi Ouzou', 'Médéa'],
  '92352': ['Oran', 'Tlemcen', 'Mostaganem', 'Sidi Bel Abbès'],
  '93352': ['Constantine', 'Bône', 'Sétif', 'Philippeville'],
  '94352': ['Laghouat', 'Ghardaïa', 'Biskra'],
};
