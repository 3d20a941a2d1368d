/** Addresses of « Administration › Annuaire ». */
export const ANNUAIRE_PATHS = {
  page: '/administration/annuaire',
  test: '/administration/annuaire/tester',
  synchronize: '/administration/annuaire/synchroniser',
} as const;
