import assert from 'node:assert/strict';
import { test } from 'node:test';
import { permissionVocabulary } from '../src/access/vocabulary.ts';
import { t } from '../src/i18n/index.ts';
import type { ScreensDeclaration } from '../src/model/override.ts';
import { Registry, type RegisteredObject } from '../src/model/registry.ts';
import { registerFrameworkObjects } from '../src/objects/index.ts';

function frameworkRegistry(): Registry {
  const registry = new Registry();
  registerFrameworkObjects(registry);
  registry.linkIncomingReferences();
  return registry;
}

/** Every name a screens declaration (and the listing settings) gives, with where it comes from. */
function namedFields(object: RegisteredObject): { where: string; name: string }[] {
  const screens: ScreensDeclaration = object.override.screens ?? {};
  const named: { where: string; name: string }[] = [];
  const add = (where: string, names: Iterable<string>) => {
    for (const name of names) named.push({ where, name });
  };
  add('listColumns', screens.listColumns ?? []);
  add('advancedSearch', (screens.advancedSearch ?? []).map((criterion) => criterion.field));
  add('widgets', Object.keys(screens.widgets ?? {}));
  add('formLayout', (screens.formLayout ?? []).flatMap((section) => section.fields));
  add('fileFields', Object.keys(screens.fileFields ?? {}));
  add('labels', Object.keys(screens.labels ?? {}));
  add('choices', Object.keys(screens.choices ?? {}));
  add('help', Object.keys(screens.help ?? {}));
  add('extraFields', (screens.extraFields ?? []).map((extra) => extra.name));
  add('searchColumns', object.override.searchColumns ?? []);
  add('defaultSort', (object.override.defaultSort ?? []).map((term) => term.replace(/^-/, '')));
  add('hiddenFields', object.override.hiddenFields ?? []);
  add('readOnlyFields', object.override.readOnlyFields ?? []);
  return named;
}

test('every field named by the framework objects’ screens exists in their metadata (or is an extra input)', () => {
  const registry = frameworkRegistry();
  const problems: string[] = [];
  for (const object of registry.all()) {
    const fields = new Set(object.meta.fields.map((field) => field.name));
    const extras = new Set(object.override.extraInputs ?? []);
    for (const { where, name } of namedFields(object)) {
      const isExtra = extras.has(name) && ['widgets', 'formLayout', 'labels', 'help', 'extraFields'].includes(where);
      if (!fields.has(name) && !isExtra) problems.push(`${object.name}.${where}: « ${name} »`);
    }
    for (const extra of object.override.screens?.extraFields ?? []) {
      if (!extras.has(extra.name)) problems.push(`${object.name}.extraFields: « ${extra.name} » is not in extraInputs`);
    }
    const hidden = new Set(object.override.hiddenFields ?? []);
    for (const name of object.override.screens?.listColumns ?? []) {
      if (hidden.has(name)) problems.push(`${object.name}.listColumns: « ${name} » is hidden`);
    }
  }
  assert.deepEqual(problems, []);
});

test('sub-form settings name child tables that do reference the object', () => {
  const registry = frameworkRegistry();
  const problems: string[] = [];
  for (const object of registry.all()) {
    const children = new Set(object.meta.referencedBy.map((reference) => reference.source.table));
    const subForms = object.override.screens?.subForms ?? {};
    for (const name of [...(subForms.order ?? []), ...Object.keys(subForms.titles ?? {}), ...(subForms.hidden ?? [])]) {
      if (!children.has(name)) problems.push(`${object.name}.subForms: « ${name} »`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the framework objects are placed in the Administration and Paramétrage rubriques, in French', () => {
  const registry = frameworkRegistry();
  const placement = (name: string) => {
    const menu = registry.get('om', name)?.override.screens?.menu;
    assert.ok(menu, `${name} has a menu placement`);
    return { rubrique: menu.rubrique, category: menu.category, label: menu.label };
  };
  assert.deepEqual(placement('om_collectivite'), { rubrique: 'administration', category: undefined, label: 'Collectivités' });
  assert.deepEqual(placement('om_parametre'), { rubrique: 'administration', category: undefined, label: 'Paramètres' });
  for (const name of ['om_profil', 'om_droit', 'om_utilisateur', 'om_api_token', 'om_permission']) {
    assert.equal(placement(name).category, 'Gestion des utilisateurs', name);
  }
  assert.equal(placement('om_api_token').label, 'Jetons d’API');
  assert.deepEqual(placement('om_widget'), { rubrique: 'administration', category: 'Tableaux de bord', label: 'Widgets' });
  assert.deepEqual(placement('om_dashboard'), { rubrique: 'administration', category: 'Tableaux de bord', label: 'Placements des widgets' });
  assert.deepEqual(placement('om_audit'), { rubrique: 'administration', category: 'Journal', label: 'Journal des modifications' });
  for (const name of ['om_etat', 'om_sousetat', 'om_lettretype', 'om_logo', 'om_etiquette', 'om_requete']) {
    assert.deepEqual([placement(name).rubrique, placement(name).category], ['parametrage', 'Éditions'], name);
  }
  const entries = registry.menuEntries();
  assert.deepEqual(
    entries.map((entry) => [entry.rubrique, entry.label, entry.href, entry.permissions]),
    [
      ['administration', 'Matrice des droits', '/administration/droits', ['om_droit', 'om_droit_tab']],
      ['export', 'Requêtes mémorisées', '/requetes', ['reqmo']],
      ['administration', 'Import', '/import', ['import']],
      ['export', 'Éditions', '/editions', ['edition']],
      ['administration', 'Générateur', '/administration/generateur', ['gen']],
      ['traitement', 'Mes traitements', '/traitements', []],
      ['application', 'Mes documents numérisés', '/numerisation', ['*.numerisation']],
      ['administration', 'Annuaire LDAP', '/administration/annuaire', ['om_utilisateur']],
      ['administration', 'Fournisseurs d’identité', '/administration/connexion-federee', ['om_utilisateur']],
      ['administration', 'Établissements (SIRET)', '/administration/connexion-federee/sirets', ['om_utilisateur']],
      ['administration', 'Demandes d’accès en attente', '/administration/connexion-federee/attente', ['om_utilisateur']],
      ['administration', 'Sauvegardes', '/administration/sauvegardes', ['sauvegarde']],
      ['administration', 'Identité visuelle', '/administration/identite-visuelle', ['om_collectivite', 'om_collectivite_modifier']],
      ['traitement', 'Mes notifications', '/notifications', []],
      ['administration', 'Applications', '/administration/applications', ['om_collectivite_tab', 'om_collectivite_consulter']],
    ],
  );
});

test('the declarations say what the brief asks: criteria, choices, widgets, the password input', () => {
  const registry = frameworkRegistry();
  const screens = (name: string) => registry.get('om', name)?.override.screens ?? {};
  const criteria = (name: string) => (screens(name).advancedSearch ?? []).map((criterion) => criterion.field);
  assert.deepEqual(criteria('om_audit'), ['login', 'objet', 'horodatage', 'action']);
  assert.equal(screens('om_audit').advancedSearch?.find((criterion) => criterion.field === 'horodatage')?.kind, 'dateRange');
  assert.deepEqual(criteria('om_utilisateur'), ['login', 'nom', 'om_profil', 'om_collectivite']);
  assert.deepEqual(criteria('om_droit'), ['om_profil', 'libelle']);
  assert.deepEqual(criteria('om_parametre'), ['libelle', 'om_collectivite']);
  assert.deepEqual(screens('om_widget').choices?.type?.map((choice) => choice.value), ['web', 'file']);
  assert.deepEqual(screens('om_dashboard').choices?.bloc?.map((choice) => choice.value), ['C1', 'C2', 'C3']);
  assert.deepEqual(screens('om_collectivite').choices?.niveau?.map((choice) => choice.value), ['1', '2']);
  assert.equal(screens('om_widget').widgets?.texte, 'richtext');
  assert.equal(screens('om_utilisateur').widgets?.email, 'email');
  assert.equal(screens('om_utilisateur').widgets?.password, 'password');
  assert.deepEqual(screens('om_utilisateur').extraFields, [{ name: 'password', whenCreating: true, whenEditing: true, requiredWhenCreating: true }]);
  assert.equal(screens('om_utilisateur').labels?.password, 'Mot de passe');
  assert.equal(screens('om_profil').subForms?.titles?.om_droit, 'Droits accordés');
  assert.equal(registry.get('om', 'om_audit')?.override.readOnly, true);
  assert.equal(registry.get('om', 'om_permission')?.override.readOnly, true);
});

test('users: nobody deletes their own account; the reset action has its own permission', () => {
  const registry = frameworkRegistry();
  const users = registry.get('om', 'om_utilisateur');
  assert.ok(users?.override.canDelete);
  const actor = { userId: 7 } as Parameters<NonNullable<typeof users.override.canDelete>>[1];
  assert.equal(users.override.canDelete({ om_utilisateur: 7 }, actor), false);
  assert.equal(users.override.canDelete({ om_utilisateur: 8 }, actor), true);
  const reset = users.override.actions?.reinitialiser;
  assert.equal(reset?.label, 'Réinitialiser le mot de passe');
  assert.equal(reset?.condition?.({ om_type: 'LDAP' }, actor), false, 'not for LDAP accounts');
  assert.equal(reset?.condition?.({ om_type: 'DB' }, actor), true);
  const vocabulary = permissionVocabulary(registry);
  assert.ok(vocabulary.includes('om_utilisateur_reinitialiser'));
  assert.ok(vocabulary.includes('om_api_token_revoquer'));
});

test('the admin catalogue has an English text for every French one', () => {
  assert.equal(t('admin.menu.matrix', undefined, 'en'), 'Rights matrix');
  assert.equal(t('admin.matrix.saved', { granted: 2, revoked: 1 }), 'Droits enregistrés : 2 droits accordés, 1 droit retiré.');
  assert.equal(t('admin.matrix.saved', { granted: 1, revoked: 0 }, 'en'), 'Rights saved: 1 right granted, 0 rights removed.');
});
