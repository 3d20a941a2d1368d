/** What the page tells the editor (`data-gabarit` of the textarea, written by `template-input.tsx`). */
export interface EditorTexts {
  readonly [key: string]: string;
}

export interface EditorConfig {
  readonly fieldsUrl: string;
  readonly sousetatsUrl: string;
  /** The form field holding the data source (`om_sql`). */
  readonly sourceField: string;
  readonly sizes: readonly number[];
  readonly barcodes: readonly { readonly value: string; readonly label: string }[];
  readonly texts: EditorTexts;
}

export function readConfig(textarea: HTMLTextAreaElement): EditorConfig | undefined {
  try {
    const config = JSON.parse(textarea.getAttribute('data-gabarit') ?? '') as EditorConfig;
    return typeof config === 'object' && config !== null && typeof config.texts === 'object' ? config : undefined;
  } catch {
    return undefined;
  }
}

/** A text of the page, with `{name}` parameters filled in. */
export function text(config: EditorConfig, key: string, params: Record<string, string> = {}): string {
  return (config.texts[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
