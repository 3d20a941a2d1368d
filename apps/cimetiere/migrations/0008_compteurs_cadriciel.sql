-- Les registres annuels du cimetière (actes, opérations, factures) passent aux compteurs du
-- cadriciel (om.om_compteur, application « cimetiere ») : une seule façon de numéroter sans trou pour
-- toutes les applications. Les derniers numéros donnés sont repris tels quels.

insert into om.om_compteur (application, registre, periode, dernier, om_collectivite)
select 'cimetiere', registre, annee, dernier, om_collectivite from cimetiere.compteur
on conflict (application, registre, periode, om_collectivite) do update set dernier = greatest(om.om_compteur.dernier, excluded.dernier);

drop table cimetiere.compteur;
