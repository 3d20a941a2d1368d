import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { RouteFile } from '../src/model/app-routes.ts';
import { Registry } from '../src/model/registry.ts';
import type { FieldMeta, TableMeta } from '../src/model/types.ts';
import { buildOpenApiDocument } from '../src/web/openapi.ts';
import { decimalPattern } from '../src/web/openapi/fields.ts';
import type { OpenApiDocument, SchemaObject } from '../src/web/openapi/types.ts';

// ---- fixtures ------------------------------------------------------------------------------------

function field(name: string, kind: FieldMeta['kind'], extra: Partial<FieldMeta> = {}): FieldMeta {
  const notNull = extra.notNull ?? false;
  const hasDefault = extra.hasDefault ?? false;
  const generation = extra.generation ?? null;
  return {
    name,
    label: name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' '),
    pgType: kind === 'text' ? 'varchar' : kind === 'integer' ? 'int4' : kind,
    kind,
    notNull,
    hasDefault,
    generation,
    required: notNull && !hasDefault && generation === null,
    ...extra,
  };
}

function table(meta: Partial<TableMeta> & Pick<TableMeta, 'app' | 'name' | 'fields'>): TableMeta {
  return {
    schema: meta.app,
    kind: 'table',
    label: meta.name,
    primaryKey: meta.key ? [meta.key] : [],
    key: null,
    foreignKeys: [],
    referencedBy: [],
    uniques: [],
    labelColumn: 'libelle',
    tenantColumn: null,
    validity: null,
    searchColumns: [],
    defaultSort: [],
    readOnly: false,
    ...meta,
  };
}

const bureau = table({
  app: 'elections',
  name: 'bureau',
  label: 'Bureau de vote',
  key: 'bureau',
  primaryKey: ['bureau'],
  fields: [
    field('bureau', 'integer', { notNull: true, hasDefault: true, generation: 'sequence' }),
    field('code', 'text', { notNull: true, maxLength: 4 }),
    field('libelle', 'text', { notNull: true, maxLength: 100 }),
    field('om_collectivite', 'integer', { notNull: true }),
  ],
  tenantColumn: 'om_collectivite',
  searchColumns: ['code', 'libelle'],
  defaultSort: ['code'],
});

const electeur = table({
  app: 'elections',
  name: 'electeur',
  label: 'Électeur',
  comment: 'Personne inscrite sur une liste électorale.',
  key: 'electeur',
  primaryKey: ['electeur'],
  fields: [
    field('electeur', 'integer', { notNull: true, hasDefault: true, generation: 'identity' }),
    field('nom', 'text', { notNull: true, maxLength: 60 }),
    field('prenom', 'text', { maxLength: 60 }),
    field('date_naissance', 'date', { notNull: true }),
    field('bureau', 'integer', { notNull: true }),
    field('sexe', 'enum', { pgType: 'sexe', notNull: true, enumValues: ['M', 'F'] }),
    field('civilite', 'enum', { pgType: 'civilite', enumValues: ['M.', 'Mme'] }),
    field('montant', 'decimal', { pgType: 'numeric', precision: 8, scale: 2 }),
    field('poids', 'float', { pgType: 'float8' }),
    field('inscrit', 'boolean', { notNull: true, hasDefault: true }),
    field('cree_le', 'timestamptz', { notNull: true, hasDefault: true }),
    field('modifie_le', 'timestamp'),
    field('heure', 'time'),
    field('reference', 'uuid', { notNull: true, hasDefault: true, generation: 'uuid' }),
    field('donnees', 'json', { pgType: 'jsonb' }),
    field('etiquettes', 'array', { pgType: '_text', elementKind: 'text' }),
    field('adresse_geom', 'geometry', { geometry: { type: 'POINT', srid: 2154 } }),
    field('zone', 'geometry', { geometry: { type: 'GEOMETRY', srid: 2154 } }),
    field('nom_complet', 'text', { generation: 'computed', hasDefault: true }),
    field('numero', 'bigint', { pgType: 'int8', notNull: true }),
  ],
  foreignKeys: [
    {
      name: 'electeur_bureau_fkey',
      columns: ['bureau'],
      target: { schema: 'elections', table: 'bureau' },
      targetColumns: ['bureau'],
    },
  ],
  searchColumns: ['nom', 'prenom'],
  defaultSort: ['nom', 'prenom'],
});

const stats = table({
  app: 'elections',
  name: 'v_statistiques',
  kind: 'view',
  label: 'Statistiques',
  key: 'bureau',
  primaryKey: [],
  readOnly: true,
  readOnlyReason: 'vue',
  fields: [field('bureau', 'integer'), field('inscrits', 'bigint', { pgType: 'int8' })],
});

const keyless = table({
  app: 'elections',
  name: 'journal',
  label: 'Journal',
  key: null,
  readOnly: true,
  fields: [field('quand', 'timestamptz'), field('quoi', 'text')],
});

const utilisateur = table({
  app: 'om',
  name: 'om_utilisateur',
  label: 'Utilisateur',
  key: 'om_utilisateur',
  primaryKey: ['om_utilisateur'],
  fields: [
    field('om_utilisateur', 'integer', { notNull: true, hasDefault: true, generation: 'serial' }),
    field('login', 'text', { notNull: true, maxLength: 30 }),
    field('nom', 'text', { notNull: true, maxLength: 30 }),
    field('pwd', 'text', { notNull: true, maxLength: 200 }),
    field('derniere_connexion', 'timestamptz'),
  ],
  searchColumns: ['login', 'nom', 'pwd'],
});

const audit = table({
  app: 'om',
  name: 'om_audit',
  label: 'Journal des modifications',
  key: 'om_audit',
  primaryKey: ['om_audit'],
  fields: [field('om_audit', 'bigint', { pgType: 'int8', notNull: true, generation: 'identity' }), field('action', 'text')],
});

function registry(): Registry {
  const registry = new Registry();
  // Registered out of order on purpose: the document sorts them.
  registry.register(utilisateur, {
    hiddenFields: ['pwd'],
    readOnlyFields: ['derniere_connexion'],
    actions: {
      reinitialiser: {
        label: 'Réinitialiser le mot de passe',
        permissionSuffix: 'reinitialiser_mot_de_passe',
        run: async () => ({ message: 'Fait.' }),
        order: 2,
      },
      desactiver: { label: 'Désactiver', run: async () => ({ message: 'Fait.' }), order: 1 },
    },
  });
  registry.register(electeur);
  registry.register(stats);
  registry.register(keyless);
  registry.register(bureau);
  registry.register(audit, { readOnly: true, actions: { annuler: { label: 'Annuler', run: async () => ({ message: '' }) } } });
  return registry;
}

const build = () =>
  buildOpenApiDocument(registry(), { title: 'Commun', version: '0.1.0', serverUrl: 'https://commun.example.fr/' });

function schema(document: OpenApiDocument, name: string): SchemaObject {
  const found = document.components.schemas[name];
  assert.ok(found, `schéma ${name} absent`);
  return found;
}

function property(object: SchemaObject, name: string): SchemaObject {
  const found = object.properties?.[name];
  assert.ok(found, `propriété ${name} absente`);
  return found;
}

function collectRefs(value: unknown, refs: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, refs);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') refs.add(item);
      else collectRefs(item, refs);
    }
  }
  return refs;
}

function resolvePointer(document: unknown, ref: string): unknown {
  assert.ok(ref.startsWith('#/'), ref);
  let current: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (current === undefined) return undefined;
  }
  return current;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const JSON_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null']);

/**
 * The validator checks the document's structure but not the JSON Schemas inside it: check what
 * the generator writes (types, patterns, required properties, lengths) here.
 */
function checkSchema(schema: SchemaObject, where: string): void {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const type of types) assert.ok(JSON_TYPES.has(type), `${where} : type ${type}`);
  assert.equal(new Set(types).size, types.length, `${where} : type en double`);
  if (schema.pattern !== undefined) assert.doesNotThrow(() => new RegExp(schema.pattern!, 'u'), `${where} : motif`);
  for (const key of ['maxLength', 'minLength', 'minItems', 'minProperties'] as const) {
    const value = schema[key];
    if (value !== undefined) assert.ok(Number.isInteger(value) && value >= 0, `${where} : ${key}`);
  }
  if (schema.required) {
    assert.equal(new Set(schema.required).size, schema.required.length, `${where} : required en double`);
    for (const name of schema.required) assert.ok(schema.properties?.[name], `${where} : ${name} requis mais absent`);
  }
  if (schema.enum) {
    assert.ok(schema.enum.length > 0, `${where} : enum vide`);
    if (types.length > 0) {
      for (const value of schema.enum) {
        const type = value === null ? 'null' : Number.isInteger(value) && types.includes('integer' as never) ? 'integer' : typeof value;
        assert.ok(types.includes(type as never), `${where} : valeur ${String(value)} hors du type`);
      }
    }
  }
  for (const [name, child] of Object.entries(schema.properties ?? {})) checkSchema(child, `${where}.${name}`);
  if (schema.items) checkSchema(schema.items, `${where}[]`);
  if (typeof schema.additionalProperties === 'object') checkSchema(schema.additionalProperties, `${where}{}`);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) schema[key]?.forEach((child, i) => checkSchema(child, `${where}/${key}/${i}`));
}

// ---- tests -----------------------------------------------------------------------------------------

describe('document OpenAPI', () => {
  it('est un document OpenAPI 3.1 valide dont chaque référence aboutit', async () => {
    const document = build();
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    assert.deepEqual(result.errors, undefined);
    assert.equal(result.valid, true);
    assert.equal(validator.version, '3.1');
    for (const ref of collectRefs(document)) assert.notEqual(resolvePointer(document, ref), undefined, ref);
    for (const [name, schema] of Object.entries(document.components.schemas)) checkSchema(schema, name);
    for (const [path, item] of Object.entries(document.paths)) {
      for (const parameter of [...(item.parameters ?? []), ...METHODS.flatMap((method) => item[method]?.parameters ?? [])]) {
        if (!('$ref' in parameter)) checkSchema(parameter.schema, `${path} ${parameter.name}`);
      }
    }
    for (const [name, parameter] of Object.entries(document.components.parameters)) checkSchema(parameter.schema, name);
  });

  it('est identique d’une construction à l’autre', () => {
    assert.equal(JSON.stringify(build()), JSON.stringify(build()));
  });

  it('décrit les chemins et les méthodes de chaque objet', () => {
    const document = build();
    const methods = (path: string) => {
      const item = document.paths[path];
      assert.ok(item, `chemin ${path} absent`);
      return (['get', 'put', 'post', 'delete', 'patch'] as const).filter((method) => item[method] !== undefined);
    };
    assert.deepEqual(Object.keys(document.paths), [
      '/api/v1/elections/bureau',
      '/api/v1/elections/bureau/{id}',
      '/api/v1/elections/electeur',
      '/api/v1/elections/electeur/{id}',
      '/api/v1/elections/journal',
      '/api/v1/elections/v_statistiques',
      '/api/v1/elections/v_statistiques/{id}',
      '/api/v1/om/om_audit',
      '/api/v1/om/om_audit/{id}',
      '/api/v1/om/om_utilisateur',
      '/api/v1/om/om_utilisateur/{id}',
      '/api/v1/om/om_utilisateur/{id}/desactiver',
      '/api/v1/om/om_utilisateur/{id}/reinitialiser',
      '/health',
    ]);
    assert.deepEqual(methods('/api/v1/elections/electeur'), ['get', 'post']);
    assert.deepEqual(methods('/api/v1/elections/electeur/{id}'), ['get', 'put', 'delete', 'patch']);
    // Read-only objects: GET only; a view without a key has no item path at all.
    assert.deepEqual(methods('/api/v1/elections/v_statistiques'), ['get']);
    assert.deepEqual(methods('/api/v1/elections/v_statistiques/{id}'), ['get']);
    assert.deepEqual(methods('/api/v1/elections/journal'), ['get']);
    assert.deepEqual(methods('/api/v1/om/om_audit/{id}'), ['get']);
    assert.deepEqual(methods('/api/v1/om/om_utilisateur/{id}/reinitialiser'), ['post']);

    const list = document.paths['/api/v1/elections/electeur']!.get!;
    assert.equal(list.operationId, 'elections.electeur.list');
    assert.equal(list.summary, 'Électeur : liste');
    assert.deepEqual(list.tags, ['elections']);
    const action = document.paths['/api/v1/om/om_utilisateur/{id}/reinitialiser']!.post!;
    assert.equal(action.summary, 'Utilisateur : Réinitialiser le mot de passe');
    assert.equal(action.operationId, 'om.om_utilisateur.action.reinitialiser');
    assert.match(action.description ?? '', /om_utilisateur_reinitialiser_mot_de_passe/);
    assert.deepEqual(action.security, [{ bearer: [] }, { session: [], csrf: [] }]);
    assert.equal(document.paths['/health']!.get!.security!.length, 0);

    const operationIds = Object.values(document.paths).flatMap((item) =>
      (['get', 'put', 'post', 'delete', 'patch'] as const).flatMap((method) => item[method]?.operationId ?? []),
    );
    assert.equal(new Set(operationIds).size, operationIds.length);
    assert.deepEqual(
      document.tags.map((tag) => tag.name),
      ['elections', 'om', 'Supervision'],
    );
    assert.deepEqual(document.servers, [{ url: 'https://commun.example.fr' }]);
  });

  it('décrit les paramètres de liste', () => {
    const document = build();
    const parameters = document.paths['/api/v1/elections/electeur']!.get!.parameters!;
    const byName = new Map(
      parameters.map((parameter) => {
        const resolved = ('$ref' in parameter ? resolvePointer(document, parameter.$ref) : parameter) as {
          name: string;
          style?: string;
          schema: SchemaObject;
        };
        return [resolved.name, resolved];
      }),
    );
    assert.deepEqual([...byName.keys()], ['page', 'per_page', 'sort', 'q', 'col', 'filter', 'count', 'format', 'bbox', 'srid', 'geometrie', 'limite']);
    assert.equal(byName.get('per_page')!.schema.maximum, 500);
    assert.equal(byName.get('per_page')!.schema.default, 15);
    assert.deepEqual(byName.get('col')!.schema.enum, ['nom', 'prenom']);
    assert.deepEqual(byName.get('count')!.schema.enum, ['exact', 'estimated', 'none']);
    assert.equal(byName.get('filter')!.style, 'deepObject');
    const sort = new RegExp(byName.get('sort')!.schema.pattern!);
    assert.ok(sort.test('-nom,prenom'));
    assert.ok(!sort.test('donnees'), 'pas de tri sur une colonne JSON');
    assert.ok(!sort.test('nom;drop table x'));
    // Hidden fields are neither searchable, sortable nor filterable.
    const users = document.paths['/api/v1/om/om_utilisateur']!.get!.parameters!;
    const col = users.find((parameter) => !('$ref' in parameter) && parameter.name === 'col');
    assert.ok(col && !('$ref' in col));
    assert.deepEqual(col.schema.enum, ['login', 'nom']);
    const filter = users.find((parameter) => !('$ref' in parameter) && parameter.name === 'filter');
    assert.ok(filter && !('$ref' in filter));
    assert.equal(filter.schema.properties?.pwd, undefined);
  });

  it('décrit les champs en lecture avec leurs types', () => {
    const document = build();
    const row = schema(document, 'Elections_Electeur');
    assert.equal(row.description, 'Personne inscrite sur une liste électorale.');
    assert.deepEqual(property(row, 'nom').type, 'string');
    assert.equal(property(row, 'nom').maxLength, 60);
    assert.equal(property(row, 'nom').title, 'Nom');
    assert.deepEqual(property(row, 'prenom').type, ['string', 'null']);
    assert.equal(property(row, 'date_naissance').format, 'date');
    assert.equal(property(row, 'cree_le').format, 'date-time');
    assert.equal(property(row, 'reference').format, 'uuid');
    assert.deepEqual(property(row, 'bureau').type, 'integer');
    assert.equal(property(row, 'numero').format, 'int64');
    assert.deepEqual(property(row, 'sexe').enum, ['M', 'F']);
    assert.deepEqual(property(row, 'civilite').enum, ['M.', 'Mme', null]);
    assert.deepEqual(property(row, 'montant').type, ['string', 'null']);
    assert.equal(property(row, 'montant').pattern, '^-?\\d{1,6}(\\.\\d{1,2})?$');
    assert.deepEqual(property(row, 'poids').type, ['number', 'null']);
    assert.equal(property(row, 'donnees').type, undefined, 'JSON : toute valeur');
    assert.deepEqual(property(row, 'etiquettes').type, ['array', 'null']);
    assert.deepEqual(property(row, 'etiquettes').items, { type: 'string' });
    assert.ok(property(row, 'adresse_geom').anyOf, 'géométrie nullable');
    assert.match(JSON.stringify(property(row, 'adresse_geom')), /"const":"Point"/);
    assert.match(JSON.stringify(property(row, 'zone')), /GeoJsonGeometry/);
    assert.equal(property(row, 'electeur').readOnly, true, 'clé générée');
    assert.equal(property(row, 'nom_complet').readOnly, true, 'colonne calculée');
    assert.deepEqual(property(row, 'bureau__label').type, ['string', 'null']);
    assert.equal(property(row, 'bureau__label').readOnly, true);
    assert.equal(property(row, '_version').type, 'string');
    assert.ok(row.required?.includes('nom'));

    const user = schema(document, 'Om_OmUtilisateur');
    assert.equal(user.properties?.pwd, undefined, 'champ masqué');
    assert.equal(property(user, 'derniere_connexion').readOnly, true);
    assert.ok(!JSON.stringify(document).includes('"pwd"'), 'le champ masqué n’apparaît nulle part');
  });

  it('décrit les champs en écriture', () => {
    const document = build();
    const input = schema(document, 'Elections_ElecteurInput');
    assert.deepEqual(input.required, ['nom', 'date_naissance', 'bureau', 'sexe', 'numero']);
    assert.equal(input.properties?.electeur, undefined, 'clé générée');
    assert.equal(input.properties?.nom_complet, undefined, 'colonne calculée');
    assert.equal(input.properties?.bureau__label, undefined);
    assert.ok(input.properties?.reference, 'un uuid peut être fourni');
    assert.ok(input.properties?._version);
    const patch = schema(document, 'Elections_ElecteurPatch');
    assert.equal(patch.required, undefined);
    // The tenant column is filled by the service from the user's collectivité.
    assert.deepEqual(schema(document, 'Elections_BureauInput').required, ['code', 'libelle']);
    const userInput = schema(document, 'Om_OmUtilisateurInput');
    assert.equal(userInput.properties?.derniere_connexion, undefined, 'champ en lecture seule');
    assert.equal(userInput.properties?.pwd, undefined, 'champ masqué');
    assert.ok(document.components.schemas.Om_OmUtilisateurActionResult);
    // Read-only objects have no writing schema.
    assert.equal(document.components.schemas.Elections_VStatistiquesInput, undefined);
    assert.equal(document.components.schemas.Om_OmAuditInput, undefined);
    assert.equal(document.components.schemas.Om_OmAuditActionResult, undefined);
  });

  it('décrit les enveloppes, les erreurs et la sécurité', () => {
    const document = build();
    assert.deepEqual(schema(document, 'Elections_ElecteurList').required, ['data', 'meta']);
    const meta = schema(document, 'ListMeta');
    assert.deepEqual(property(meta, 'total').type, ['integer', 'null']);
    const error = property(schema(document, 'Error'), 'error');
    assert.deepEqual(error.required, ['code', 'message', 'request_id']);
    assert.deepEqual(document.components.securitySchemes.bearer, {
      type: 'http',
      scheme: 'bearer',
      description: document.components.securitySchemes.bearer!.description,
    });
    assert.equal(document.components.securitySchemes.session!.type, 'apiKey');
    assert.deepEqual(document.security, [{ bearer: [] }, { session: [] }]);
    const create = document.paths['/api/v1/elections/electeur']!.post!;
    assert.deepEqual(Object.keys(create.responses), ['201', '400', '401', '403', '409', '422', '500']);
    const remove = document.paths['/api/v1/elections/electeur/{id}']!.delete!;
    assert.ok(remove.responses['204']);
  });

  it('écrit le motif des décimaux selon la précision', () => {
    assert.equal(decimalPattern(undefined, undefined), '^-?\\d+(\\.\\d+)?$');
    assert.equal(decimalPattern(5, 0), '^-?\\d{1,5}$');
    assert.equal(decimalPattern(3, 3), '^-?0(\\.\\d{1,3})?$');
  });

  it('refuse deux objets qui donneraient le même nom de schéma', () => {
    const registry = new Registry();
    registry.register(table({ app: 'a_b', name: 'c', key: null, fields: [field('x', 'text')] }));
    registry.register(table({ app: 'a', name: 'b_c', key: null, fields: [field('x', 'text')] }));
    registry.register(table({ app: 'ab', name: 'c', key: null, fields: [field('x', 'text')] }));
    assert.doesNotThrow(() => buildOpenApiDocument(registry, { title: 't', version: '1' }));
    registry.register(table({ app: 'a', name: 'b__c', schema: 'x', key: null, fields: [field('x', 'text')] }));
    assert.throws(() => buildOpenApiDocument(registry, { title: 't', version: '1' }), /nom de schéma en double/);
  });
  it('décrit la réponse d’une route d’application selon le type qu’elle déclare produire (un CSV), en JSON sinon', async () => {
    const registry = new Registry();
    const file = () => new RouteFile('bureau;votants\n1;412\n', 'text/csv; charset=utf-8', 'resultats.csv');
    registry.addApiRoute({ app: 'bilan', method: 'GET', path: 'export/:annee', doc: { summary: 'Export CSV', produces: 'text/csv' }, handler: file });
    registry.addApiRoute({ app: 'bilan', method: 'GET', path: 'archive', doc: { summary: 'Archive', produces: 'application/zip' }, handler: file });
    registry.addApiRoute({ app: 'bilan', method: 'GET', path: 'totaux', doc: { summary: 'Totaux' }, handler: () => ({ votants: 412 }) });
    const document = buildOpenApiDocument(registry, { title: 't', version: '1' });
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);
    assert.deepEqual(result.errors, undefined);
    const answer = (path: string) => document.paths[path]!.get!.responses['200'] as { description: string; content: Record<string, unknown> };
    assert.deepEqual(answer('/api/v1/bilan/export/{annee}').content, { 'text/csv': { schema: { type: 'string' } } });
    assert.equal(answer('/api/v1/bilan/export/{annee}').description, 'Fichier renvoyé par la route (text/csv), à télécharger.');
    assert.deepEqual(answer('/api/v1/bilan/archive').content, { 'application/zip': { schema: {} } });
    assert.deepEqual(answer('/api/v1/bilan/totaux').content, { 'application/json': { schema: {} } });
    assert.equal(answer('/api/v1/bilan/totaux').description, 'Réponse de la route, en JSON.');
  });
});
