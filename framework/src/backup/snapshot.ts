/** What a database snapshot gives the archive besides its files. */
export interface Snapshot {
  readonly lignes: Record<string, number>;
  readonly applications: { nom: string; migrations: string[] }[];
  readonly roles: string[];
  /** Referenced files whose content was gone. */
  readonly missing: string[];
}
