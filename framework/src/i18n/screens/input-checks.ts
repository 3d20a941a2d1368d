/**
 * Messages of the checks every input goes through before it reaches the database: characters that
 * PostgreSQL refuses in text (the NUL byte, U+0000) and lower bounds read from CHECK constraints.
 */
import type { Translation } from '../types.ts';

export const inputChecksFr = {
  nul: {
    field: 'Le champ « {label} » contient un caractère interdit (caractère nul) : retirez-le puis enregistrez à nouveau.',
    query: 'La demande contient un caractère interdit (caractère nul) : retirez-le de la recherche ou des filtres.',
    body: 'Les données envoyées contiennent un caractère interdit (caractère nul) : retirez-le puis envoyez-les à nouveau.',
    login: "L’identifiant ou le mot de passe contient un caractère interdit (caractère nul).",
  },
  minimum: 'Le champ « {label} » doit être supérieur ou égal à {min}.',
  above: 'Le champ « {label} » doit être strictement supérieur à {min}.',
} as const;

export const inputChecksEn: Translation<typeof inputChecksFr> = {
  nul: {
    field: 'The field “{label}” holds a forbidden character (null character): remove it, then save again.',
    query: 'The request holds a forbidden character (null character): remove it from the search or the filters.',
    body: 'The data sent holds a forbidden character (null character): remove it, then send it again.',
    login: 'The login or the password holds a forbidden character (null character).',
  },
  minimum: 'The field “{label}” must be greater than or equal to {min}.',
  above: 'The field “{label}” must be greater than {min}.',
};
