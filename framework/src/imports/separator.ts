/** The CSV separators an import accepts (a light module: the command reads its arguments with it). */
export type Separator = ';' | ',';

export const SEPARATORS: readonly Separator[] = [';', ','];

export const isSeparator = (value: unknown): value is Separator => value === ';' || value === ',';
