/**
 * A document's text together with its JSON tree, parsed at most once. The dispatcher wraps
 * every upload in one, so detection, schema validation and the reader's parse share a single
 * `JSON.parse` of what can be a 100 MB document (three parses took 2–3 s and held three trees
 * at 100k components). The tree is shared, so validators and readers must not modify it.
 *
 * Given a way to `reread` the text (decode the upload's bytes again), the text is let go once
 * the JSON tree exists: JSON readers no longer need it, and at 100k components it is 90 MiB of
 * the import's peak memory. It is decoded again only if asked for.
 */
export class SbomText {
  #text: string | undefined;
  readonly #reread: (() => string) | undefined;
  #json: { readonly value: unknown } | { readonly error: unknown } | undefined;

  constructor(text: string, options: { readonly reread?: () => string } = {}) {
    this.#text = text;
    this.#reread = options.reread;
  }

  get text(): string {
    this.#text ??= this.#reread!();
    return this.#text;
  }

  /** The tree if `json()` has succeeded before. */
  parsed(): { readonly value: unknown } | undefined {
    return this.#json !== undefined && 'value' in this.#json ? this.#json : undefined;
  }

  /** `JSON.parse` of the text (a leading byte-order mark dropped); a syntax error is rethrown on every call. */
  json(): unknown {
    if (this.#json === undefined) {
      this.#json = parseOutcome(this.text);
      if ('value' in this.#json && this.#reread !== undefined) this.#text = undefined;
    }
    if ('error' in this.#json) throw this.#json.error;
    return this.#json.value;
  }
}

/** The JSON tree when it has already been parsed successfully, without parsing or decoding anything. */
export function parsedJsonOf(input: SbomInput): { readonly value: unknown } | undefined {
  return typeof input === 'string' ? undefined : input.parsed();
}

/** What the readers accept: plain text (parsed on each call), or text whose parse is shared. */
export type SbomInput = string | SbomText;

export function textOf(input: SbomInput): string {
  return typeof input === 'string' ? input : input.text;
}

/** The JSON tree of the input; throws JSON.parse's own SyntaxError when it is not JSON. */
export function jsonOf(input: SbomInput): unknown {
  return typeof input === 'string' ? (JSON.parse(withoutBom(input)) as unknown) : input.json();
}

function parseOutcome(text: string): { value: unknown } | { error: unknown } {
  try {
    return { value: JSON.parse(withoutBom(text)) as unknown };
  } catch (error) {
    return { error };
  }
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
