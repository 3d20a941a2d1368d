import { defineMessages } from '../i18n/index.ts';

const others = ({ count }: { count: number }) => (count === 1 ? 'et 1 autre' : `et ${count} autres`);

/** The daily e-mail of pending work, its page « Mes notifications » and its command. */
export const notificationMessage = defineMessages('notifications', {
  mail: {
    subject: 'Votre travail en attente — {date}',
    greeting: 'Bonjour {nom},',
    intro: 'Voici le travail qui vous attend au {date}.',
    due: 'échéance le {date}',
    late: 'en retard',
    others,
    othersLink: 'voir la liste',
    footer: 'Vous recevez ce récapitulatif chaque jour où du travail vous attend.',
    optOut: 'Ne plus le recevoir : {url}',
    optOutLabel: 'Ne plus recevoir ce récapitulatif',
    settings: 'Vos réglages de notification : {url}',
    settingsLabel: 'Mes notifications',
  },
  page: {
    title: 'Mes notifications',
    menu: 'Mes notifications',
    intro: 'Chaque jour où du travail vous attend dans les applications, un courriel le récapitule, avec un lien vers chaque élément.',
    legend: 'Récapitulatif quotidien',
    checkbox: 'Recevoir chaque jour le récapitulatif de mon travail en attente',
    noEmail: 'Votre compte n’a pas d’adresse électronique : aucun courriel ne peut vous être envoyé. Demandez à votre administrateur de la renseigner.',
    save: 'Enregistrer',
    saved: 'Vos préférences sont enregistrées : vous recevrez le récapitulatif quotidien.',
    savedOff: 'Vos préférences sont enregistrées : vous ne recevrez plus le récapitulatif quotidien.',
    previewTitle: 'Aujourd’hui',
    previewNothing: 'Rien ne vous attend aujourd’hui : aucun courriel ne partirait.',
    previewIntro: 'Voici ce que contiendrait le récapitulatif d’aujourd’hui.',
    previewFailed: 'Le travail en attente de « {application} » n’a pas pu être lu pour le moment.',
  },
  optOut: {
    title: 'Désabonnement du récapitulatif quotidien',
    confirm: 'Vous ne recevrez plus le récapitulatif quotidien de votre travail en attente. Confirmez-vous ?',
    button: 'Ne plus recevoir le récapitulatif',
    done: 'C’est fait : vous ne recevrez plus le récapitulatif quotidien. Vous pouvez le réactiver à tout moment depuis la page « Mes notifications », une fois connecté.',
    invalid: 'Ce lien de désabonnement n’est pas valable (il est incomplet ou a été modifié). Copiez le lien entier depuis le courriel, ou connectez-vous et utilisez la page « Mes notifications ».',
    settingsLink: 'Aller à « Mes notifications »',
  },
  userForm: {
    legend: 'Notifications',
    label: 'Récapitulatif quotidien',
    help: 'Reçoit chaque jour par courriel le récapitulatif de son travail en attente (tâches, mouvements, concessions…), quand il y en a. L’agent peut s’en désabonner lui-même.',
  },
  cli: {
    usage: 'Usage : commun notifications envoyer [--simulation]\n  Envoie maintenant le récapitulatif quotidien du travail en attente (une fois par agent et par jour) ;\n  --simulation affiche ce qui partirait sans rien mettre en file d’attente.',
    line: '{login}\t{email}\t{count} élément(s)',
    summary: '{agents} agent(s) examiné(s), {sent} courriel(s) mis en file d’attente, {skipped} déjà envoyé(s) aujourd’hui.',
    simulation: 'Simulation : aucun courriel n’a été mis en file d’attente.',
  },
});
