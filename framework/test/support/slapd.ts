/**
 * A real OpenLDAP server for the directory tests: Debian's `slapd`, started unprivileged on a free
 * port from a `slapd.conf` written in a temporary folder (mdb backend, the core/cosine/
 * inetorgperson/nis schemas, the ppolicy overlay), seeded with `slapadd`, stopped by its process id.
 * Tests call `slapdAvailable()` first and are skipped with a clear message when slapd is missing
 * (CI installs it: `.ci/run`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';

const SLAPD = process.env.SLAPD ?? '/usr/sbin/slapd';
const SLAPADD = process.env.SLAPADD ?? '/usr/sbin/slapadd';
const SCHEMAS = '/etc/ldap/schema';
const MODULES = '/usr/lib/ldap';

export const SUFFIX = 'dc=commun,dc=test';
export const SERVICE_DN = `cn=commun,${SUFFIX}`;
export const SERVICE_PASSWORD = 'Service-annuaire-42';
export const PEOPLE_BASE = `ou=personnes,${SUFFIX}`;
export const GROUPS_BASE = `ou=groupes,${SUFFIX}`;
const ROOT_DN = `cn=admin,${SUFFIX}`;
const ROOT_PASSWORD = 'Racine-annuaire-42';
const POLICY_DN = `cn=defaut,ou=politiques,${SUFFIX}`;

/** Why the directory tests cannot run here, or undefined when they can. */
export function slapdMissing(): string | undefined {
  for (const program of [SLAPD, SLAPADD]) if (!existsSync(program)) return `${program} absent : installez le paquet Debian « slapd » pour lancer les tests d’annuaire.`;
  if (!existsSync(join(SCHEMAS, 'inetorgperson.schema'))) return `${SCHEMAS}/inetorgperson.schema absent : paquet « slapd » incomplet.`;
  return undefined;
}

export interface DirectoryPerson {
  /** The `uid` (the login). */
  readonly uid: string;
  readonly cn: string;
  readonly sn?: string;
  readonly mail?: string;
  readonly password: string;
  /** `pwdChangedTime` far in the past: the password has expired under the default policy. */
  readonly expired?: boolean;
  /** Locked for good by ppolicy (`pwdAccountLockedTime: 000001010000Z`): a disabled account. */
  readonly locked?: boolean;
  /** Under another branch of the tree (outside the users' subtree). */
  readonly branch?: string;
}

export interface DirectoryGroup {
  readonly cn: string;
  readonly members: readonly string[];
}

export const personDn = (uid: string, branch = 'personnes') => `uid=${uid},ou=${branch},${SUFFIX}`;
export const groupDn = (cn: string) => `cn=${cn},${GROUPS_BASE}`;

function seedLdif(people: readonly DirectoryPerson[], groups: readonly DirectoryGroup[]): string {
  const branches = new Set(['personnes', ...people.map((person) => person.branch ?? 'personnes')]);
  const entries: string[] = [
    `dn: ${SUFFIX}\nobjectClass: top\nobjectClass: dcObject\nobjectClass: organization\no: Commun\ndc: commun`,
    `dn: ${SERVICE_DN}\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: commun\nuserPassword: ${SERVICE_PASSWORD}`,
    `dn: ou=politiques,${SUFFIX}\nobjectClass: organizationalUnit\nou: politiques`,
    // Lockout after three failures; passwords last a year; no grace binds once expired.
    `dn: ${POLICY_DN}\nobjectClass: organizationalRole\nobjectClass: pwdPolicy\ncn: defaut\npwdAttribute: userPassword\n` +
      `pwdMaxAge: 31536000\npwdGraceAuthNLimit: 0\npwdLockout: TRUE\npwdMaxFailure: 3\npwdLockoutDuration: 0\npwdFailureCountInterval: 0`,
    ...[...branches].map((branch) => `dn: ou=${branch},${SUFFIX}\nobjectClass: organizationalUnit\nou: ${branch}`),
    `dn: ${GROUPS_BASE}\nobjectClass: organizationalUnit\nou: groupes`,
  ];
  for (const person of people) {
    const lines = [
      `dn: ${personDn(person.uid, person.branch)}`,
      'objectClass: inetOrgPerson',
      `uid: ${person.uid}`,
      `cn: ${person.cn}`,
      `sn: ${person.sn ?? person.cn.split(' ').at(-1)}`,
      ...(person.mail ? [`mail: ${person.mail}`] : []),
      `userPassword: ${person.password}`,
      ...(person.expired ? ['pwdChangedTime: 20000101000000Z'] : []),
      ...(person.locked ? ['pwdAccountLockedTime: 000001010000Z'] : []),
    ];
    entries.push(lines.join('\n'));
  }
  for (const group of groups) {
    const members = group.members.length > 0 ? group.members : [SERVICE_DN]; // groupOfNames needs one member
    entries.push([`dn: ${groupDn(group.cn)}`, 'objectClass: groupOfNames', `cn: ${group.cn}`, ...members.map((member) => `member: ${member}`)].join('\n'));
  }
  return `${entries.join('\n\n')}\n`;
}

function slapdConf(folder: string): string {
  return [
    ...['core', 'cosine', 'inetorgperson', 'nis'].map((schema) => `include ${SCHEMAS}/${schema}.schema`),
    `modulepath ${MODULES}`,
    'moduleload back_mdb',
    'moduleload ppolicy',
    `pidfile ${join(folder, 'slapd.pid')}`,
    `argsfile ${join(folder, 'slapd.args')}`,
    'database mdb',
    `suffix "${SUFFIX}"`,
    `rootdn "${ROOT_DN}"`,
    `rootpw ${ROOT_PASSWORD}`,
    `directory ${join(folder, 'data')}`,
    'maxsize 33554432',
    'overlay ppolicy',
    `ppolicy_default "${POLICY_DN}"`,
    'ppolicy_use_lockout',
    'access to attrs=userPassword by anonymous auth by self write by * none',
    `access to * by dn.exact="${SERVICE_DN}" read by self read by * none`,
    '',
  ].join('\n');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface Slapd {
  readonly url: string;
  readonly pid: number;
  /** The environment that points Commun at this directory (the `COMMUN_LDAP_*` variables). */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Changes the directory as its administrator (rename someone, move them out of a group…). */
  asRoot<T>(work: (client: Client) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
}

/** Starts a seeded slapd; the caller stops it (`after(() => slapd.stop())`). */
export async function startSlapd(people: readonly DirectoryPerson[], groups: readonly DirectoryGroup[]): Promise<Slapd> {
  const folder = mkdtempSync(join(tmpdir(), 'commun-slapd-'));
  mkdirSync(join(folder, 'data'));
  const conf = join(folder, 'slapd.conf');
  writeFileSync(conf, slapdConf(folder));
  writeFileSync(join(folder, 'seed.ldif'), seedLdif(people, groups));
  const seeded = spawnSync(SLAPADD, ['-q', '-f', conf, '-l', join(folder, 'seed.ldif')], { encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`slapadd a échoué (${seeded.status}) : ${seeded.stderr}`);

  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const url = `ldap://127.0.0.1:${port}`;
    // `-d 0`: stays in the foreground, so the child's pid is slapd's own.
    const child: ChildProcess = spawn(SLAPD, ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline && !(await accepts(port))) await new Promise((resolve) => setTimeout(resolve, 50));
    if (exited || child.pid === undefined) {
      if (/bind|address already in use/i.test(stderr)) continue; // the port was taken meanwhile
      throw new Error(`slapd ne démarre pas : ${stderr}`);
    }
    const pid = child.pid;
    return {
      url,
      pid,
      env: (extra = {}) => ({
        COMMUN_LDAP_URL: url,
        COMMUN_LDAP_TYPE: 'openldap',
        COMMUN_LDAP_BIND_DN: SERVICE_DN,
        COMMUN_LDAP_BIND_MOT_DE_PASSE: SERVICE_PASSWORD,
        COMMUN_LDAP_BASE_UTILISATEURS: PEOPLE_BASE,
        COMMUN_LDAP_BASE_GROUPES: GROUPS_BASE,
        ...extra,
      }),
      asRoot: async (work) => {
        const client = new Client({ url });
        try {
          await client.bind(ROOT_DN, ROOT_PASSWORD);
          return await work(client);
        } finally {
          await client.unbind();
        }
      },
      stop: async () => {
        if (!exited) {
          const gone = new Promise((resolve) => child.once('exit', resolve));
          process.kill(pid, 'SIGTERM');
          await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5000))]);
          if (!exited) process.kill(pid, 'SIGKILL');
        }
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  throw new Error('slapd : aucun port libre trouvé');
}
