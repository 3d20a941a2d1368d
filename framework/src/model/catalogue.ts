/** Specifications of one kind, by application and name: stored queries, imports, PDF listings. */
export class Catalogue<T extends { readonly app: string }> {
  readonly #entries = new Map<string, T>();
  readonly #kind: string;
  readonly #nameOf: (entry: T) => string;

  constructor(kind: string, nameOf: (entry: T) => string) {
    this.#kind = kind;
    this.#nameOf = nameOf;
  }

  /** Two entries with one name are a programming error, found at start-up. */
  add(entry: T): void {
    const id = `${entry.app}/${this.#nameOf(entry)}`;
    if (this.#entries.has(id)) throw new Error(`${this.#kind} ${id} déjà enregistré`);
    this.#entries.set(id, entry);
  }

  get(app: string, name: string): T | undefined {
    return this.#entries.get(`${app}/${name}`);
  }

  all(): readonly T[] {
    return [...this.#entries.values()];
  }
}
