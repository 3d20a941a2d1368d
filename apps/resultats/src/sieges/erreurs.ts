/** The refusal of an allocation that cannot be computed: a French message saying what to correct. */
export class RepartitionImpossible extends Error {
  override readonly name = 'RepartitionImpossible';
}
