/** The listing « Concessions à terme ». */
import { dateFr } from './dates.ts';
import type { ConcessionATerme } from './a-terme.ts';
import { message } from './messages.ts';

export function ATermePage({ concessions, fin }: { concessions: readonly ConcessionATerme[]; fin: string }) {
  if (concessions.length === 0) return <p>{message('aTermeAucune', { fin: dateFr(fin) })}</p>;
  return (
    <>
      <p>{message('aTermeIntro', { fin: dateFr(fin) })}</p>
      <table class="table" id="concessions-a-terme">
        <caption>{message('aTermeLegende', { fin: dateFr(fin) })}</caption>
        <thead>
          <tr>
            <th scope="col">Acte</th>
            <th scope="col">Famille</th>
            <th scope="col">Emplacement</th>
            <th scope="col">Terme</th>
            <th scope="col">Jours de retard</th>
          </tr>
        </thead>
        <tbody>
          {concessions.map((c) => (
            <tr>
              <th scope="row">
                <a href={`/cimetiere/concession/${c.concession}`}>{c.numero_acte}</a>
              </th>
              <td>{c.famille}</td>
              <td>
                <a href={`/cimetiere/emplacement/${c.emplacement}`}>{c.adresse}</a>
              </td>
              <td>{dateFr(c.date_terme)}</td>
              <td>{String(c.joursDeRetard)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
