/** The directory's pure parts: configuration from the environment, AD and ppolicy refusals, the escaped filter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PasswordPolicyError } from 'ldapts';
import { loadLdapConfig, refusalFromAdMessage, refusalFromPolicyError, refusalMessage } from '../src/access/ldap/index.ts';
import { userFilterFor } from '../src/access/ldap/directory-users.ts';

/** The text ldapts gives an AD « invalid credentials » bind error (diagnostic message, then the code). */
const adError = (code: string) => `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${code}, v4563 Code: 0x31`;

const BASE = {
  COMMUN_LDAP_URL: 'ldaps://annuaire.syndicat.example',
  COMMUN_LDAP_BIND_DN: 'CN=svc-commun,OU=Services,DC=syndicat,DC=example',
  COMMUN_LDAP_BIND_MOT_DE_PASSE: 'secret',
  COMMUN_LDAP_BASE_UTILISATEURS: 'OU=Agents,DC=syndicat,DC=example',
};

test('Active Directory’s sub-error codes become French messages; 525 and 52e stay the generic one', () => {
  const expected: Record<string, string> = {
    '525': 'Identifiant ou mot de passe incorrect.',
    '52e': 'Identifiant ou mot de passe incorrect.',
    '530': 'Votre compte n’est pas autorisé à se connecter à cette heure-ci.',
    '531': 'Votre compte n’est pas autorisé à se connecter depuis ce poste.',
    '532': 'Votre mot de passe a expiré : changez-le sur votre poste de travail (ou auprès de votre service informatique), puis reconnectez-vous.',
    '533': 'Votre compte est désactivé dans l’annuaire : adressez-vous à votre service informatique.',
    '701': 'Votre compte a expiré dans l’annuaire : adressez-vous à votre service informatique.',
    '773': 'Vous devez changer votre mot de passe avant de vous connecter : faites-le sur votre poste de travail (ou auprès de votre service informatique).',
    '775': 'Votre compte est verrouillé dans l’annuaire après trop d’essais : réessayez plus tard ou adressez-vous à votre service informatique.',
  };
  for (const [code, message] of Object.entries(expected)) assert.equal(refusalMessage(refusalFromAdMessage(adError(code)), 'fr'), message, code);
  assert.equal(refusalFromAdMessage(adError('52E')), 'invalid');
  assert.equal(refusalFromAdMessage('Code: 0x31'), 'invalid', 'OpenLDAP says nothing more');
  assert.equal(refusalFromAdMessage(adError('999')), 'invalid', 'an unknown code');
});

test('ppolicy’s response control names expiry, lockout and a forced change', () => {
  assert.equal(refusalFromPolicyError(PasswordPolicyError.PasswordExpired), 'passwordExpired');
  assert.equal(refusalFromPolicyError(PasswordPolicyError.AccountLocked), 'locked');
  assert.equal(refusalFromPolicyError(PasswordPolicyError.ChangeAfterReset), 'mustReset');
  assert.equal(refusalFromPolicyError(undefined), undefined);
  assert.equal(refusalFromPolicyError(PasswordPolicyError.PasswordTooShort), undefined);
});

test('no COMMUN_LDAP_URL, no directory', () => {
  assert.equal(loadLdapConfig({}), undefined);
});

test('Active Directory’s defaults, a group → profile mapping', () => {
  const config = loadLdapConfig({ ...BASE, COMMUN_LDAP_TYPE: 'ad', COMMUN_LDAP_PROFILS: 'CN=GG-Etat-Civil,OU=Groupes,DC=x=UTILISATEUR; informatique = ADMINISTRATEUR', COMMUN_LDAP_COLLECTIVITE: '2', COMMUN_LDAP_SYNCHRO_HEURES: '6' })!;
  assert.equal(config.kind, 'ad');
  assert.equal(config.loginAttribute, 'sAMAccountName');
  assert.equal(config.nameAttribute, 'displayName');
  assert.equal(config.groupsAttribute, 'memberOf');
  assert.equal(config.userFilter, '(&(objectClass=user)(objectCategory=person))');
  assert.deepEqual(config.mappings, [
    { group: 'CN=GG-Etat-Civil,OU=Groupes,DC=x', profil: 'UTILISATEUR' },
    { group: 'informatique', profil: 'ADMINISTRATEUR' },
  ]);
  assert.deepEqual([config.collectivite, config.syncHours, config.startTls], [2, 6, false]);
});

test('every mistake of the configuration is named at once, in French', () => {
  assert.throws(
    () => loadLdapConfig({ COMMUN_LDAP_URL: 'http://annuaire', COMMUN_LDAP_TYPE: 'novell', COMMUN_LDAP_ATTRIBUT_LOGIN: 'uid)(x', COMMUN_LDAP_PROFILS: 'agents', COMMUN_LDAP_SYNCHRO_HEURES: 'souvent', COMMUN_LDAP_FILTRE: '(objectClass=person' }),
    {
      message:
        'Configuration de l’annuaire LDAP incorrecte : COMMUN_LDAP_URL doit commencer par ldap:// ou ldaps:// (reçu « http://annuaire »). ' +
        'COMMUN_LDAP_TYPE doit valoir « openldap » ou « ad » (reçu « novell »). ' +
        'COMMUN_LDAP_FILTRE doit être un filtre LDAP entre parenthèses (reçu « (objectClass=person »). ' +
        'COMMUN_LDAP_BIND_DN est obligatoire quand COMMUN_LDAP_URL est renseigné. ' +
        'COMMUN_LDAP_BASE_UTILISATEURS est obligatoire quand COMMUN_LDAP_URL est renseigné. ' +
        'COMMUN_LDAP_ATTRIBUT_LOGIN : « uid)(x » n’est pas un nom d’attribut LDAP. ' +
        'COMMUN_LDAP_PROFILS : « agents » n’a pas la forme « groupe=PROFIL ». ' +
        'COMMUN_LDAP_SYNCHRO_HEURES doit être un nombre entier positif ou nul (reçu « souvent »). ' +
        'COMMUN_LDAP_BIND_MOT_DE_PASSE est obligatoire quand COMMUN_LDAP_URL est renseigné.',
    },
  );
  assert.throws(() => loadLdapConfig({ ...BASE, COMMUN_LDAP_STARTTLS: '1' }), /COMMUN_LDAP_STARTTLS ne s’emploie qu’avec une adresse ldap:\/\//);
  assert.throws(() => loadLdapConfig({ ...BASE, COMMUN_LDAP_CA_FICHIER: '/nulle/part/ca.pem' }), /COMMUN_LDAP_CA_FICHIER : le fichier « \/nulle\/part\/ca\.pem » est illisible\./);
});

test('the login is escaped in the search filter', () => {
  const config = loadLdapConfig({ ...BASE, COMMUN_LDAP_URL: 'ldap://127.0.0.1:389' })!;
  assert.equal(userFilterFor(config, 'mdupont'), '(&(objectClass=inetOrgPerson)(uid=mdupont))');
  assert.equal(userFilterFor(config, '*)(uid=*'), '(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))');
  assert.equal(userFilterFor(config, 'a\\b'), '(&(objectClass=inetOrgPerson)(uid=a\\5cb))');
});
