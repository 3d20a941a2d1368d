/** Addresses of « Administration › Identité visuelle ». */
export const IDENTITE_PATHS = {
  page: '/administration/identite-visuelle',
  colour: '/administration/identite-visuelle/couleur',
  logo: '/administration/identite-visuelle/logo',
  removeLogo: '/administration/identite-visuelle/logo/supprimer',
} as const;

/** The page for one collectivité. */
export const identitePage = (collectivite: number) => `${IDENTITE_PATHS.page}?collectivite=${collectivite}`;
