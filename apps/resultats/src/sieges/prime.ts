/**
 * The majority bonus of art. L262: half the seats, rounded up when more than four seats are to be
 * filled, down when fewer than four (four seats: two).
 */
export function primeMajoritaire(sieges: number): number {
  return sieges >= 4 ? Math.ceil(sieges / 2) : Math.floor(sieges / 2);
}
