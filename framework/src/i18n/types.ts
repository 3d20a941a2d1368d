/**
 * The types that keep catalogues and call sites honest: keys are checked by the compiler, a
 * translation must have exactly the keys of the French catalogue, and the parameters a message
 * needs are derived from its French text (`{label}` → `{ label: string | number }`).
 */

/** A message: text with named placeholders, or a function where grammar needs one (plurals). */
// `any`: each function leaf declares its own parameter type; `ParamsOf` recovers it for the call sites.
export type MessageFunction = (params: any) => string;
export type MessageLeaf = string | MessageFunction;

export interface MessageTree {
  readonly [key: string]: MessageLeaf | MessageTree;
}

/** Values substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The names between braces in a message: `'« {label} » ({count})'` → `'label' | 'count'`. */
export type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? (Name extends '' | `${string}${' ' | '"' | '{' | ',' | ':'}${string}` ? never : Name) | Placeholders<Rest>
  : never;

/** The parameters a message takes. */
export type ParamsOf<Leaf> = Leaf extends string
  ? { readonly [Name in Placeholders<Leaf>]: string | number }
  : Leaf extends (params: infer P) => string
    ? P
    : never;

/**
 * What a translation of `T` must provide: the same keys; any text where French has text (or a
 * function of the same parameters, for a language whose grammar needs one); the same function
 * type where French has a function.
 */
export type Translation<T> = {
  readonly [K in keyof T]: T[K] extends string
    ? string | ((params: ParamsOf<T[K]>) => string)
    : T[K] extends MessageFunction
      ? T[K]
      : Translation<T[K]>;
};

/** Every dotted path to a message: `'records.required' | 'records.notFound' | …`. */
export type KeyOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends MessageLeaf ? `${Prefix}${K}` : KeyOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The message at a dotted path. */
export type At<T, Path extends string> = Path extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : Path extends keyof T
    ? T[Path]
    : never;

/** The rest arguments of a call: parameters (optional when the message has none), then `Extra`. */
export type ArgsFor<Params, Extra extends unknown[] = []> = [keyof Params] extends [never]
  ? [params?: Params | undefined, ...Extra]
  : [params: Params, ...Extra];
