/**
 * The backups' settings, from the environment:
 * - COMMUN_SAUVEGARDE_QUOTIDIENNE=1: the server makes a backup every day (at its first pass after
 *   midnight, Paris time, or at start when none was made that day);
 * - COMMUN_SAUVEGARDE_CONSERVATION: how many archives `<data dir>/sauvegardes/` keeps (7 by
 *   default; 0 keeps them all): older ones are deleted after each new backup.
 */
export interface BackupSettings {
  readonly daily: boolean;
  readonly keep: number;
}

export function backupSettings(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  const keep = Number(env.COMMUN_SAUVEGARDE_CONSERVATION);
  return {
    daily: env.COMMUN_SAUVEGARDE_QUOTIDIENNE === '1' || env.COMMUN_SAUVEGARDE_QUOTIDIENNE === 'true',
    keep: env.COMMUN_SAUVEGARDE_CONSERVATION !== undefined && env.COMMUN_SAUVEGARDE_CONSERVATION !== '' && Number.isInteger(keep) && keep >= 0 ? keep : 7,
  };
}
