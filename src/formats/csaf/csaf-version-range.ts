import { isAppError } from '../../core/app-error.js';
import { formatVers, parseVers } from '../../core/range/vers.js';

/** What a CSAF product says about its version: one version, a range of them, or nothing. */
export type CsafVersionSpec =
  | { readonly kind: 'exact'; readonly version: string }
  | {
      readonly kind: 'range';
      /** The range as the document wrote it. */
      readonly text: string;
      /** The range as a canonical vers string, when it reads as one. */
      readonly vers?: string;
      /** Why it does not, when it does not. */
      readonly problem?: string;
    }
  | { readonly kind: 'none' };

/** One constraint of a free-text range: an optional comparator and a version without spaces. */
const constraintText = /^(?:[<>]=?|!=|=)?\s*[^\s<>=!|*]+$/;

/**
 * Reads a `product_version_range` name. CSAF 2.0 §3.1.2.3 recommends `vers` (`vers:npm/>=2.2.0|<2.3.0`)
 * but allows free text; free text made only of comparator-version pairs separated by `|`
 * (`<2024.2`, `>= 1.0.0 | <= 1.3.1`, `5.0|5.1`) is read as a vers range of `scheme`. Anything else
 * (`< V4.8 HF4`, `all versions`) is kept as text with the reason it is not a range we can evaluate.
 */
export function readCsafRange(text: string, scheme: string): CsafVersionSpec & { readonly kind: 'range' } {
  const trimmed = text.trim();
  if (trimmed.startsWith('vers:')) return tryVers(text, trimmed);
  const pieces = trimmed.split('|').map((piece) => piece.trim());
  if (pieces.some((piece) => !constraintText.test(piece))) {
    return {
      kind: 'range',
      text,
      problem: `'${text}' is neither a vers range nor a list of '<', '<=', '>', '>=' constraints`,
    };
  }
  return tryVers(text, `vers:${scheme}/${pieces.map((piece) => piece.replace(/\s+/g, '')).join('|')}`);
}

/** Range words of CSAF mandatory test 6.1.31, as whole words (`after-eight` is a version name). */
const rangeWords = /(?:^|\s)(?:after|all|before|prior)(?:\s|$)|\s(?:earlier|later)$|\sversions?$/;

/**
 * True when a `product_version` name is in fact a range (CSAF mandatory test 6.1.31 "Version
 * Range in Product Version"): a comparator or `vers:` prefix, or range words (`prior to 4.2`,
 * `4.1 and earlier`, `all`, `3.X versions`).
 */
export function looksLikeRange(text: string): boolean {
  return /^\s*(?:vers:|[<>]|!=)/.test(text) || rangeWords.test(text.trim().toLowerCase());
}

function tryVers(text: string, candidate: string): CsafVersionSpec & { readonly kind: 'range' } {
  try {
    return { kind: 'range', text, vers: formatVers(parseVers(candidate)) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { kind: 'range', text, problem: error.message };
  }
}
