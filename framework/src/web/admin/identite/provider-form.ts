/**
 * The provider form: what was typed (kept as text, to show it back), its checks in French, and the
 * row it becomes. Lists (roles, domains, levels) are typed as text and stored as text[].
 */
import { isAllowedDiscoveryUrl, proconnectPreset, type ProConnectEnvironment, type ProviderRow } from '../../../access/oidc/index.ts';
import type { Locale } from '../../../i18n/index.ts';
import { identitePage } from './messages.ts';

export const CLAIM_KEYS = ['login', 'nom', 'prenom', 'email', 'siret'] as const;
export type ClaimKey = (typeof CLAIM_KEYS)[number];

export interface ProviderForm {
  readonly code: string;
  readonly libelle: string;
  readonly modele: 'proconnect' | 'oidc';
  readonly url: string;
  readonly auth: 'client_secret_post' | 'client_secret_basic';
  readonly scopes: string;
  readonly claims: Readonly<Record<ClaimKey, string>>;
  readonly linkByEmail: boolean;
  readonly createAccounts: boolean;
  readonly unknownSiret: 'refuser' | 'attente';
  readonly profile: string;
  readonly roles: string;
  readonly domains: string;
  readonly acr: string;
  readonly active: boolean;
  readonly order: string;
}

export type ProviderFormField = 'code' | 'libelle' | 'url' | 'scopes' | 'claims' | 'profile' | 'roles' | 'domains' | 'acr' | 'order';
export type ProviderFormErrors = Partial<Record<ProviderFormField, string>>;

/** The row's values, ready for the database. */
export interface ProviderValues {
  readonly code: string;
  readonly libelle: string;
  readonly modele: 'proconnect' | 'oidc';
  readonly url: string;
  readonly auth: 'client_secret_post' | 'client_secret_basic';
  readonly scopes: string;
  readonly claims: Partial<Record<ClaimKey, string>>;
  readonly linkByEmail: boolean;
  readonly createAccounts: boolean;
  readonly unknownSiret: 'refuser' | 'attente';
  readonly profile: number | null;
  readonly roles: string[] | null;
  readonly domains: string[] | null;
  readonly acr: string[] | null;
  readonly active: boolean;
  readonly order: number;
}

const emptyClaims: Record<ClaimKey, string> = { login: '', nom: '', prenom: '', email: '', siret: '' };

/** A blank « other provider » form. */
export const blankForm = (): ProviderForm => ({
  code: '',
  libelle: '',
  modele: 'oidc',
  url: '',
  auth: 'client_secret_basic',
  scopes: 'openid email profile',
  claims: { login: 'preferred_username', nom: 'family_name', prenom: 'given_name', email: 'email', siret: '' },
  linkByEmail: false,
  createAccounts: false,
  unknownSiret: 'refuser',
  profile: '',
  roles: '',
  domains: '',
  acr: '',
  active: true,
  order: '0',
});

/** ProConnect's form for one environment (its preset: discovery URL, client_secret_post, scopes, claims). */
export function proconnectForm(environment: ProConnectEnvironment): ProviderForm {
  const preset = proconnectPreset(environment);
  const production = environment === 'production' || environment === 'production-rie';
  return {
    ...blankForm(),
    code: production ? (environment === 'production' ? 'proconnect' : 'proconnect-rie') : `proconnect-${environment}`,
    libelle: preset.libelle,
    modele: 'proconnect',
    url: preset.discoveryUrl,
    auth: preset.clientAuth,
    scopes: preset.scopes,
    claims: { ...emptyClaims, ...preset.claims },
  };
}

export function formOfProvider(provider: ProviderRow): ProviderForm {
  return {
    code: provider.code,
    libelle: provider.libelle,
    modele: provider.modele,
    url: provider.discoveryUrl,
    auth: provider.clientAuth,
    scopes: provider.scopes,
    claims: { ...emptyClaims, ...provider.claims },
    linkByEmail: provider.linkByEmail,
    createAccounts: provider.createAccounts,
    unknownSiret: provider.unknownSiret,
    profile: provider.defaultProfile === undefined ? '' : String(provider.defaultProfile),
    roles: provider.allowedRoles.join(', '),
    domains: provider.allowedDomains.join(', '),
    acr: provider.requiredAcr.join('\n'),
    active: provider.active,
    order: String(provider.order),
  };
}

type FormInput = Readonly<Record<string, string | File | (string | File)[]>>;

function text(input: FormInput, name: string): string {
  const value = input[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

const checked = (input: FormInput, name: string) => text(input, name) !== '';

/** What the browser sent, as a form to show back or to check. */
export function formFromInput(input: FormInput): ProviderForm {
  const claims = { ...emptyClaims };
  for (const key of CLAIM_KEYS) claims[key] = text(input, `revendication_${key}`);
  return {
    code: text(input, 'code'),
    libelle: text(input, 'libelle'),
    modele: text(input, 'modele') === 'proconnect' ? 'proconnect' : 'oidc',
    url: text(input, 'url_decouverte'),
    auth: text(input, 'authentification_client') === 'client_secret_basic' ? 'client_secret_basic' : 'client_secret_post',
    scopes: text(input, 'portees').replace(/\s+/g, ' '),
    claims,
    linkByEmail: checked(input, 'rattachement_par_courriel'),
    createAccounts: checked(input, 'creation_autorisee'),
    unknownSiret: text(input, 'siret_inconnu') === 'attente' ? 'attente' : 'refuser',
    profile: text(input, 'om_profil_defaut'),
    roles: text(input, 'roles_autorises'),
    domains: text(input, 'domaines_autorises'),
    acr: text(input, 'acr_exiges'),
    active: checked(input, 'actif'),
    order: text(input, 'ordre'),
  };
}

const splitList = (value: string, separators: RegExp) =>
  value
    .split(separators)
    .map((item) => item.trim())
    .filter((item) => item !== '');

const CLAIM_NAME = /^[A-Za-z0-9_:.-]{1,100}$/;
const ROLE = /^[\p{L}\p{N}_:.@/-]{1,100}$/u;
const DOMAIN = /^@?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
const ACR = /^[\x21-\x7e]{1,200}$/;

/** Checks the form against the contract of `om.om_fournisseur_identite`; the values when it is right. */
export function checkProviderForm(
  form: ProviderForm,
  context: { profiles: ReadonlySet<number>; locale: Locale },
): { ok: true; values: ProviderValues } | { ok: false; errors: ProviderFormErrors } {
  const { locale } = context;
  const errors: ProviderFormErrors = {};
  if (!/^[a-z0-9-]{1,40}$/.test(form.code)) errors.code = identitePage('errors.code', undefined, locale);
  if (form.libelle === '' || form.libelle.length > 100) errors.libelle = identitePage('errors.libelle', undefined, locale);
  if (form.url.length > 500 || !isAllowedDiscoveryUrl(form.url).ok) errors.url = identitePage('errors.url', undefined, locale);
  if (form.scopes.length > 300 || !form.scopes.split(' ').includes('openid')) errors.scopes = identitePage('errors.scopes', undefined, locale);
  const claims: Partial<Record<ClaimKey, string>> = {};
  for (const key of CLAIM_KEYS) {
    const claim = form.claims[key];
    if (claim === '') continue;
    if (!CLAIM_NAME.test(claim)) errors.claims ??= identitePage('errors.claim', { value: claim }, locale);
    claims[key] = claim;
  }
  let profile: number | null = null;
  if (form.profile !== '') {
    profile = /^[0-9]{1,9}$/.test(form.profile) ? Number(form.profile) : -1;
    if (!context.profiles.has(profile)) errors.profile = identitePage('errors.profile', undefined, locale);
  } else if (form.createAccounts || form.unknownSiret === 'attente') {
    errors.profile = identitePage('errors.profileRequired', undefined, locale);
  }
  const list = (value: string, separators: RegExp, pattern: RegExp, field: 'roles' | 'domains' | 'acr') => {
    const items = splitList(value, separators);
    const wrong = items.find((item) => !pattern.test(item));
    if (wrong !== undefined) errors[field] = identitePage('errors.list', { value: wrong }, locale);
    return items.length > 0 ? items : null;
  };
  const roles = list(form.roles, /[,\s]+/, ROLE, 'roles');
  const domains = list(form.domains, /[,\s]+/, DOMAIN, 'domains')?.map((domain) => domain.toLowerCase().replace(/^@/, '')) ?? null;
  const acr = list(form.acr, /[\s,]+/, ACR, 'acr');
  if (!/^-?[0-9]{1,6}$/.test(form.order || '0')) errors.order = identitePage('errors.order', undefined, locale);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    values: {
      code: form.code,
      libelle: form.libelle,
      modele: form.modele,
      url: form.url,
      auth: form.auth,
      scopes: form.scopes,
      claims,
      linkByEmail: form.linkByEmail,
      createAccounts: form.createAccounts,
      unknownSiret: form.unknownSiret,
      profile,
      roles,
      domains,
      acr,
      active: form.active,
      order: Number(form.order || '0'),
    },
  };
}
