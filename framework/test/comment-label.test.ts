/**
 * Issue 9 §2: labels come from the comments that read like labels, else from the names, and
 * `labels` in commun.app.ts still wins; an application's menu entries go under its heading, its
 * reference tables under « Paramétrage », as a rule the options can override.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tables as registreTables, title as registreTitle } from '../../apps/registre/gen/index.ts';
import { applyOptions } from '../src/generator/app.ts';
import { isReferenceTable, menuHeadingOf, menuPlacementOf } from '../src/generator/menu-placement.ts';
import { checkOptions } from '../src/generator/options.ts';
import { commentLabel } from '../src/model/comment-label.ts';
import type { TableMeta } from '../src/model/types.ts';

describe('labels from comments', () => {
  test('a short comment is the label, without its final period, with a capital and the typographic apostrophe', () => {
    assert.equal(commentLabel('Véhicule attribué'), 'Véhicule attribué');
    assert.equal(commentLabel('  Collectivité.  '), 'Collectivité');
    assert.equal(commentLabel('date de l\'AIPD'), 'Date de l’AIPD');
    assert.equal(commentLabel('Sous-traitant'), 'Sous-traitant');
  });

  test('« Label : explanation » gives the part before the colon', () => {
    assert.equal(commentLabel('Statut : brouillon, valide (validé par le DPO) ou archive.'), 'Statut');
    assert.equal(commentLabel('Intitulé: le nom que les équipes donnent à l’évènement.'), 'Intitulé');
    assert.equal(commentLabel('Voir https://exemple.fr/doc'), undefined, 'a colon in an address is no separator');
  });

  test('a description is no label: the name’s label is kept', () => {
    for (const comment of [
      'Date de la prochaine revue par le délégué à la protection des données.',
      'Le traitement porte sur des données sensibles (article 9 du RGPD).',
      'Base légale (article 6 du RGPD).',
      'Durée (« 5 ans », « 1 mois »…).',
      'Service responsable de la mise en œuvre',
      'Première ligne\nseconde ligne',
      'Garanties appropriées, clauses types',
      'Fin. Puis autre chose',
      '',
      '   ',
    ]) {
      assert.equal(commentLabel(comment), undefined, comment);
    }
    assert.equal(commentLabel(null), undefined);
  });

  test('labels in commun.app.ts win over the comments', () => {
    const table = registreTables.find((candidate) => candidate.name === 'service') as TableMeta;
    assert.equal(table.fields.find((field) => field.name === 'libelle')?.label, 'Nom du service', 'from the comment « Nom du service. »');
    const [corrected] = applyOptions([table], { name: 'registre', schema: 'registre', migrations: './migrations', labels: { 'service.libelle': 'Libellé' } });
    assert.equal(corrected?.fields.find((field) => field.name === 'libelle')?.label, 'Libellé');
  });
});

describe('menu placement', () => {
  const table = (name: string) => registreTables.find((candidate) => candidate.name === name) as TableMeta;

  test('the reference tables of the register: pointed to, no key of their own to the schema, a label, a code, a flag', () => {
    const references = registreTables.filter(isReferenceTable).map((meta) => meta.name);
    assert.deepEqual(references, ['base_legale', 'categorie_donnees', 'categorie_personnes', 'destinataire', 'mesure_securite', 'service']);
    assert.equal(isReferenceTable(table('sous_traitant')), false, 'contract dates: more than a label');
    assert.equal(isReferenceTable(table('traitement')), false, 'refers to other tables of the schema');
    assert.equal(isReferenceTable(table('traitement_destinataire')), false, 'nothing refers to a link table');
  });

  test('the heading is the title (or a label made from the name); « parametrage » overrides the rule', () => {
    assert.equal(registreTitle, 'Registre RGPD');
    const options = { name: 'registre', title: 'Registre RGPD' };
    assert.deepEqual(menuPlacementOf(table('service'), options), { rubrique: 'parametrage', category: 'Registre RGPD' });
    assert.deepEqual(menuPlacementOf(table('traitement'), options), { rubrique: 'application', category: 'Registre RGPD' });
    assert.deepEqual(menuPlacementOf(table('service'), { ...options, parametrage: false }), { rubrique: 'application', category: 'Registre RGPD' });
    assert.deepEqual(menuPlacementOf(table('sous_traitant'), { ...options, parametrage: ['sous_traitant'] }), { rubrique: 'parametrage', category: 'Registre RGPD' });
    assert.deepEqual(menuPlacementOf(table('service'), { ...options, parametrage: ['sous_traitant'] }), { rubrique: 'application', category: 'Registre RGPD' });
    assert.equal(menuHeadingOf({ name: 'etat_civil' }), 'État civil');
  });

  test('title and parametrage are checked in commun.app.ts', () => {
    const base = { name: 'crise', schema: 'crise', migrations: './migrations' };
    assert.deepEqual(checkOptions({ ...base, title: 'Gestion de crise', parametrage: ['type_evenement'] }), []);
    assert.match(checkOptions({ ...base, title: ' ' }).join('\n'), /« title » doit être un texte non vide/);
    assert.match(checkOptions({ ...base, parametrage: 'oui' }).join('\n'), /« parametrage » doit être true, false ou une liste de tables/);
    assert.throws(
      () => applyOptions(registreTables, { ...base, name: 'registre', schema: 'registre', parametrage: ['vehicule'] }),
      /« parametrage » nomme « vehicule », qui n’existe pas dans le schéma registre/,
    );
  });
});
