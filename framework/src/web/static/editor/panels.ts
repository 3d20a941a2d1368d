/**
 * The small forms the toolbar opens to insert a merge field, a sous-état or a barcode: a group
 * of labelled inputs with « Insérer » and « Annuler », opened under the toolbar; Escape closes it
 * and gives the focus back to its button.
 */
import { text, type EditorConfig } from './config.ts';

export interface PanelInput {
  readonly name: string;
  readonly label: string;
  /** A select with these options (loaded when the panel opens), else a text input. */
  readonly options?: () => Promise<readonly { readonly value: string; readonly label: string }[]>;
  readonly empty?: string;
  readonly inputMode?: 'numeric';
}

let counter = 0;

export class Panel {
  readonly element: HTMLDivElement;
  private readonly fields = new Map<string, HTMLInputElement | HTMLSelectElement>();
  private readonly message: HTMLParagraphElement;
  private readonly insertButton: HTMLButtonElement;
  private opener: HTMLButtonElement | undefined;

  constructor(
    config: EditorConfig,
    title: string,
    private readonly inputs: readonly PanelInput[],
    private readonly onInsert: (values: Record<string, string>) => void,
  ) {
    const id = `gabarit-panneau-${++counter}`;
    this.element = document.createElement('div');
    this.element.className = 'gabarit-panneau';
    this.element.id = id;
    this.element.hidden = true;
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', title);
    for (const input of inputs) {
      const wrapper = document.createElement('p');
      const label = document.createElement('label');
      const control = input.options ? document.createElement('select') : document.createElement('input');
      control.id = `${id}-${input.name}`;
      control.name = `${id}-${input.name}`;
      if (control instanceof HTMLInputElement) {
        control.type = 'text';
        if (input.inputMode) control.inputMode = input.inputMode;
      }
      label.htmlFor = control.id;
      label.textContent = input.label;
      wrapper.append(label, control);
      this.element.append(wrapper);
      this.fields.set(input.name, control);
    }
    this.message = document.createElement('p');
    this.message.className = 'gabarit-panneau-message';
    this.message.setAttribute('role', 'status');
    const buttons = document.createElement('p');
    buttons.className = 'gabarit-panneau-boutons';
    this.insertButton = button(text(config, 'insert'), () => this.insert());
    buttons.append(this.insertButton, button(text(config, 'cancel'), () => this.close()));
    this.element.append(this.message, buttons);
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.close();
      } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
        event.preventDefault();
        this.insert();
      }
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  async open(opener: HTMLButtonElement): Promise<void> {
    this.opener = opener;
    opener.setAttribute('aria-expanded', 'true');
    this.element.hidden = false;
    this.message.textContent = '';
    this.insertButton.disabled = false;
    for (const input of this.inputs) {
      const control = this.fields.get(input.name);
      if (!(control instanceof HTMLSelectElement) || !input.options) continue;
      let options: readonly { value: string; label: string }[] = [];
      try {
        options = await input.options();
      } catch {
        options = [];
      }
      control.replaceChildren(
        ...options.map((option) => {
          const element = document.createElement('option');
          element.value = option.value;
          element.textContent = option.label;
          return element;
        }),
      );
      if (options.length === 0 && input.empty) {
        this.message.textContent = input.empty;
        this.insertButton.disabled = true;
      }
    }
    this.fields.values().next().value?.focus();
  }

  close(refocus = true): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    this.opener?.setAttribute('aria-expanded', 'false');
    if (refocus) this.opener?.focus();
  }

  private insert(): void {
    if (this.insertButton.disabled) return;
    const values: Record<string, string> = {};
    for (const [name, control] of this.fields) values[name] = control.value.trim();
    this.close(false);
    this.onInsert(values);
  }
}

export function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
