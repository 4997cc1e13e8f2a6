import { compareStrings } from './numeric-string.js';

/**
 * The sort key of a pre-PEP 440 ("legacy") Python version, as setuptools' `parse_version` and
 * packaging < 22 `LegacyVersion` computed it. PyPI still serves releases with such versions and
 * OSV PyPI records list some; every legacy version sorts before every PEP 440 version.
 */
export function legacyPythonVersionKey(value: string): readonly string[] {
  const parts: string[] = [];
  for (const part of legacyParts(value.toLowerCase())) {
    if (part.startsWith('*')) {
      if (part < '*final') {
        while (parts.length > 0 && parts[parts.length - 1] === '*final-') parts.pop();
      }
      while (parts.length > 0 && parts[parts.length - 1] === '00000000') parts.pop();
    }
    parts.push(part);
  }
  return parts;
}

const replacements: Readonly<Record<string, string>> = { pre: 'c', preview: 'c', '-': 'final-', rc: 'c', dev: '@' };

function* legacyParts(value: string): Generator<string> {
  // Like Python's re.split with a capturing group: separators are kept, text between them too.
  for (const raw of value.split(/(\d+|[a-z]+|\.|-)/)) {
    const part = replacements[raw] ?? raw;
    if (part === '' || part === '.') continue;
    yield /^[0-9]/.test(part) ? part.padStart(8, '0') : `*${part}`;
  }
  yield '*final';
}

/** Python tuple order on two legacy keys. */
export function compareLegacyKeys(a: readonly string[], b: readonly string[]): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const diff = compareStrings(a[i] ?? '', b[i] ?? '');
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}
