/** The pages of « Facturation »: the export for the treasury, the titres émis, the concession register of a year. */
import { dateFr } from '../concessions/dates.ts';
import { euros } from './factures.ts';
import type { FactureExportee } from './export.ts';
import type { ActeDuRegistre } from './registre.ts';

function Periode(props: { action: string; du: string; au: string; bouton: string }) {
  return (
    <form method="get" action={props.action} class="formulaire">
      <fieldset class="section">
        <legend>Période</legend>
        <div class="champ">
          <label for="periode-du">Du</label>
          <input id="periode-du" name="du" type="date" value={props.du} />
        </div>
        <div class="champ">
          <label for="periode-au">Au</label>
          <input id="periode-au" name="au" type="date" value={props.au} />
        </div>
      </fieldset>
      <div class="boutons">
        <button type="submit">{props.bouton}</button>
      </div>
    </form>
  );
}

function Factures(props: { factures: readonly FactureExportee[]; legende: string; titres: boolean }) {
  const total = props.factures.reduce((somme, f) => somme + f.montant, 0);
  return (
    <table class="table">
      <caption>{props.legende}</caption>
      <thead>
        <tr>
          <th scope="col">Numéro</th>
          <th scope="col">Date</th>
          <th scope="col">Payeur</th>
          <th scope="col">Libellé</th>
          {props.titres ? <th scope="col">Titre</th> : null}
          <th scope="col">Montant</th>
        </tr>
      </thead>
      <tbody>
        {props.factures.map((f) => (
          <tr>
            <th scope="row">
              <a href={`/cimetiere/facture/${f.facture}`}>{f.numero}</a>
            </th>
            <td>{dateFr(f.date_facture)}</td>
            <td>{f.payeur_nom}</td>
            <td>{f.libelle}</td>
            {props.titres ? <td>{`${f.numero_titre} du ${dateFr(f.date_titre)}${f.etat === 'payee' ? ' (payée)' : ''}`}</td> : null}
            <td>{euros(f.montant)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colspan={props.titres ? 5 : 4}>{`Total (${props.factures.length} facture${props.factures.length > 1 ? 's' : ''})`}</th>
          <td id="total-factures">{euros(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function ExportPage(props: { du: string; au: string; factures: readonly FactureExportee[]; imputation: string; lien: string }) {
  return (
    <>
      <p>{`Les factures émises, pas encore titrées, de la période, pour l’application de la trésorerie (CSV, « ; », UTF-8). Imputation : ${props.imputation}.`}</p>
      <Periode action="/cimetiere/facturation" du={props.du} au={props.au} bouton="Afficher" />
      {props.factures.length === 0 ? (
        <p>Aucune facture à titrer sur cette période.</p>
      ) : (
        <>
          <Factures factures={props.factures} legende={`Factures à titrer du ${dateFr(props.du)} au ${dateFr(props.au)}`} titres={false} />
          <p>
            <a href={props.lien} download>
              Télécharger le fichier pour la trésorerie (CSV)
            </a>
          </p>
        </>
      )}
    </>
  );
}

export function TitresPage(props: { du: string; au: string; factures: readonly FactureExportee[] }) {
  return (
    <>
      <Periode action="/cimetiere/titres-emis" du={props.du} au={props.au} bouton="Afficher" />
      {props.factures.length === 0 ? (
        <p>Aucun titre émis sur cette période.</p>
      ) : (
        <Factures factures={props.factures} legende={`Titres émis du ${dateFr(props.du)} au ${dateFr(props.au)}`} titres />
      )}
    </>
  );
}

export function RegistrePage(props: { annee: number; actes: readonly ActeDuRegistre[]; pdf: string | undefined }) {
  return (
    <>
      <form method="get" action="/cimetiere/registre-concessions" class="formulaire">
        <div class="champ">
          <label for="registre-annee">Année</label>
          <input id="registre-annee" name="annee" type="number" value={String(props.annee)} min="1900" max="2200" />
        </div>
        <div class="boutons">
          <button type="submit">Afficher</button>
        </div>
      </form>
      {props.actes.length === 0 ? (
        <p>{`Aucun acte de concession en ${props.annee}.`}</p>
      ) : (
        <>
          {props.pdf ? (
            <p>
              <a href={props.pdf}>{`Imprimer le registre ${props.annee} (PDF)`}</a>
            </p>
          ) : null}
          <table class="table">
            <caption>{`Registre des actes de concession de ${props.annee}, dans l’ordre des numéros`}</caption>
            <thead>
              <tr>
                <th scope="col">Acte</th>
                <th scope="col">Date</th>
                <th scope="col">Famille</th>
                <th scope="col">Emplacement</th>
                <th scope="col">Durée</th>
                <th scope="col">Montant</th>
              </tr>
            </thead>
            <tbody>
              {props.actes.map((acte) => (
                <tr>
                  <th scope="row">
                    <a href={`/cimetiere/concession/${acte.concession}`}>{acte.numero_acte}</a>
                  </th>
                  <td>{dateFr(acte.date_acte)}</td>
                  <td>{acte.famille}</td>
                  <td>{acte.emplacement}</td>
                  <td>{acte.duree}</td>
                  <td>{acte.montant === null ? '' : euros(acte.montant)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
