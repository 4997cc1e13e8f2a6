import { AppError, isAppError } from './app-error.js';
import { encodePurlComponent, encodePurlSegments } from './purl-encoding.js';
import { normalizePurl } from './purl-normalize.js';
import { splitPurl } from './purl-split.js';
import { purlTypeRule } from './purl-type-rule.js';

/**
 * A Package URL (purl-spec / ECMA-427), decoded and in canonical form: lower-case type,
 * type-specific case folding and name normalisation applied, qualifiers with lower-case keys
 * in sorted order and no empty values, subpath without empty, '.' or '..' segments.
 */
export interface Purl {
  readonly type: string;
  /** Decoded segments joined by '/', e.g. `homebrew/core`, `@angular`. */
  readonly namespace?: string;
  readonly name: string;
  readonly version?: string;
  /** Sorted by key. */
  readonly qualifiers: Readonly<Record<string, string>>;
  /** Decoded segments joined by '/'. */
  readonly subpath?: string;
}

/** Decoded purl components as a producer holds them (absent and null mean the same). */
export interface PurlComponents {
  readonly type?: string | null;
  readonly namespace?: string | null;
  readonly name?: string | null;
  readonly version?: string | null;
  readonly qualifiers?: Readonly<Record<string, string | null | undefined>> | null;
  readonly subpath?: string | null;
}

export interface PurlOptions {
  /**
   * Refuse what the spec says "shall not" appear instead of normalising it: upper-case qualifier
   * keys and '.'/'..' subpath segments. Default false: SBOMs in the wild are normalised on ingest.
   */
  readonly strict?: boolean;
}

/** Parse, build and print purls; every output is canonical. */
export const Purl = {
  /** Parses a purl string (purl-spec "How to parse"); throws `invalid-purl` naming the problem. */
  parse(text: string, options: PurlOptions = {}): Purl {
    try {
      return normalizePurl(splitPurl(text), options);
    } catch (error) {
      if (isAppError(error) && error.code === 'invalid-purl') {
        throw new AppError('invalid-purl', `invalid purl '${text}': ${error.message}`, { cause: error });
      }
      throw error;
    }
  },

  /** Like `parse`, but undefined instead of an error. */
  tryParse(text: string, options: PurlOptions = {}): Purl | undefined {
    try {
      return Purl.parse(text, options);
    } catch (error) {
      if (isAppError(error)) return undefined;
      throw error;
    }
  },

  /** Validates and normalises decoded components (purl-spec "build"); throws `invalid-purl`. */
  from(components: PurlComponents, options: PurlOptions = {}): Purl {
    return normalizePurl(components, options);
  },

  /** The canonical purl string (purl-spec "How to build purl string from its components"). */
  format(purl: PurlComponents): string {
    return formatCanonical(normalizePurl(purl));
  },

  /** The canonical form of a purl string; throws `invalid-purl`. */
  canonicalize(text: string, options: PurlOptions = {}): string {
    // `parse` already returns canonical components, so they are printed without normalising twice.
    return formatCanonical(Purl.parse(text, options));
  },

  equals(a: Purl, b: Purl): boolean {
    return Purl.format(a) === Purl.format(b);
  },
};

/**
 * Qualifiers that describe one release or one artifact rather than the package, so they change
 * whenever the version does (checksums, download and VCS URLs, file names, build and revision ids,
 * epochs, image tags, the distro release). They are dropped from the version-free identity.
 */
const versionBoundQualifiers = new Set([
  'checksum',
  'checksums',
  'download_url',
  'vcs_url',
  'file_name',
  'epoch',
  'distro',
  'build',
  'tag',
  'rrev',
  'prev',
  'port_version',
  'repository_revision',
  'model_uuid',
  'run_id',
]);

/**
 * The canonical purl without its version (and without version-bound qualifiers): the identity
 * key that pairs "the same package" across two SBOMs, so an upgrade diffs as a version change.
 */
export function purlWithoutVersion(text: string): string {
  const purl = Purl.parse(text);
  const qualifiers = Object.fromEntries(
    Object.entries(purl.qualifiers).filter(([key]) => !versionBoundQualifiers.has(key)),
  );
  return Purl.format({ ...purl, version: null, qualifiers });
}

/** Prints components that `normalizePurl` produced (purl-spec "How to build purl string"). */
function formatCanonical(p: Purl): string {
  let out = `pkg:${p.type}/`;
  if (p.namespace !== undefined) out += `${encodePurlSegments(p.namespace)}/`;
  out += purlTypeRule(p.type).nameIsPath === true ? encodePurlSegments(p.name) : encodePurlComponent(p.name);
  if (p.version !== undefined) out += `@${encodePurlComponent(p.version)}`;
  let separator = '?';
  for (const key of Object.keys(p.qualifiers)) {
    out += `${separator}${key}=${encodePurlComponent(p.qualifiers[key] ?? '')}`;
    separator = '&';
  }
  if (p.subpath !== undefined) out += `#${encodePurlSegments(p.subpath)}`;
  return out;
}
