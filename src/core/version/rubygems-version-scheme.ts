import { Version } from '@renovatebot/ruby-semver/dist/ruby/version.js';
import { defineVersionScheme, invalidVersion } from './define-version-scheme.js';
import { compareDigitStrings, compareStrings, isDigits, stripLeadingZeros } from './numeric-string.js';

/** `Gem::Version#canonical_segments`: numbers as digit strings, letters as they are. */
type Segment = { readonly n: string } | { readonly s: string };

/**
 * RubyGems: `Gem::Version`. Validity is @renovatebot/ruby-semver's port of
 * `Gem::Version::ANCHORED_VERSION_PATTERN` (so `1beta` is refused, as RubyGems refuses it);
 * ordering is `Gem::Version#<=>` on canonical segments, ported here because the library keeps
 * numbers as doubles and Ruby's are exact (`999…991` < `999…999`).
 */
export const rubygemsVersionScheme = defineVersionScheme<readonly Segment[]>({
  name: 'RubyGems',
  read: (value) =>
    Version.isCorrect(value)
      ? canonicalSegments(value)
      : invalidVersion('not a Gem::Version (Gem::Version::ANCHORED_VERSION_PATTERN)'),
  order: compareSegments,
});

/** `-` reads as `.pre.`; trailing zeros are dropped from the numeric head and from the rest. */
function canonicalSegments(value: string): Segment[] {
  const segments: Segment[] = (value.replaceAll('-', '.pre.').match(/[0-9]+|[a-z]+/gi) ?? []).map((s) =>
    isDigits(s) ? { n: stripLeadingZeros(s) } : { s },
  );
  const firstString = segments.findIndex((s) => 's' in s);
  const head = firstString === -1 ? segments : segments.slice(0, firstString);
  const tail = firstString === -1 ? [] : segments.slice(firstString);
  return [...dropTrailingZeros(head), ...dropTrailingZeros(tail)];
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0) {
    const last = segments[end - 1];
    if (last === undefined || !('n' in last) || last.n !== '') break;
    end--;
  }
  return segments.slice(0, end);
}

const zero: Segment = { n: '' };

function compareSegments(a: readonly Segment[], b: readonly Segment[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? zero;
    const y = b[i] ?? zero;
    if ('n' in x && 'n' in y) {
      const diff = compareDigitStrings(x.n, y.n);
      if (diff !== 0) return diff;
    } else if ('s' in x && 's' in y) {
      const diff = compareStrings(x.s, y.s);
      if (diff !== 0) return diff;
    } else {
      // A letter segment (pre-release) sorts before a number.
      return 's' in x ? -1 : 1;
    }
  }
  return 0;
}
