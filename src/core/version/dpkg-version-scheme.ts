import { defineVersionScheme, invalidVersion, type InvalidVersion } from './define-version-scheme.js';
import { compareDigitStrings } from './numeric-string.js';

/** A Debian package version `[epoch:]upstream[-revision]`. */
export interface DpkgVersion {
  /** Digits; `''` when absent (epoch 0). */
  readonly epoch: string;
  readonly upstream: string;
  /** `''` when absent, which dpkg orders like `0` (so `1.0` < `1.0-1`, `1.0` == `1.0-0`). */
  readonly revision: string;
}

/**
 * Debian and Ubuntu: our implementation of dpkg's `parseversion` and `verrevcmp` (Debian Policy
 * §5.6.12 "Version"), checked against `dpkg --compare-versions` in test/fixtures/dpkg-oracle.txt.
 * Where dpkg only warns about syntax (upstream not starting with a digit, invalid characters)
 * we refuse, so bad data never gets an order by accident.
 */
export const dpkgVersionScheme = defineVersionScheme<DpkgVersion>({
  name: 'dpkg',
  read: readDpkgVersion,
  order: (a, b) =>
    compareDigitStrings(a.epoch, b.epoch) || verrevcmp(a.upstream, b.upstream) || verrevcmp(a.revision, b.revision),
});

function readDpkgVersion(value: string): DpkgVersion | InvalidVersion {
  const colon = value.indexOf(':');
  const epoch = colon === -1 ? '' : value.slice(0, colon);
  if (colon !== -1 && !/^[0-9]+$/.test(epoch)) return invalidVersion('the epoch must be a number');
  const rest = value.slice(colon + 1);
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen === -1 ? rest : rest.slice(0, hyphen);
  const revision = hyphen === -1 ? '' : rest.slice(hyphen + 1);
  if (hyphen !== -1 && revision === '') return invalidVersion('the revision after "-" is empty');
  if (upstream === '') return invalidVersion('the upstream version is empty');
  if (!/^[0-9]/.test(upstream)) return invalidVersion('the upstream version must start with a digit');
  if (!/^[A-Za-z0-9.+~:-]+$/.test(upstream)) return invalidVersion('invalid character in the upstream version');
  if (!/^[A-Za-z0-9.+~]*$/.test(revision)) return invalidVersion('invalid character in the revision');
  return { epoch, upstream, revision };
}

/** dpkg's character weight: `~` before the end, the end before letters, letters before the rest. */
function order(code: number): number {
  if (code >= 48 && code <= 57) return 0;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return code;
  if (code === 126) return -1;
  return Number.isNaN(code) ? 0 : code + 256;
}

const isDigitAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** dpkg `verrevcmp`: alternating non-digit runs (by `order`) and digit runs (numerically). */
function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigitAt(a, i)) || (j < b.length && !isDigitAt(b, j))) {
      const ac = order(a.charCodeAt(i));
      const bc = order(b.charCodeAt(j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    const startA = i;
    const startB = j;
    while (isDigitAt(a, i)) i++;
    while (isDigitAt(b, j)) j++;
    const diff = compareDigitStrings(a.slice(startA, i), b.slice(startB, j));
    if (diff !== 0) return diff;
  }
  return 0;
}
