import { defineVersionScheme } from './define-version-scheme.js';
import { rpmvercmp } from './rpmvercmp.js';

/** An RPM EVR: epoch (digits, `0` when absent), version and release (`''` when absent). */
export interface RpmVersion {
  readonly epoch: string;
  readonly version: string;
  /** With its leading `-` kept, so that `1-` (empty release) sorts after `1` (none), as osv.dev does. */
  readonly release: string;
}

/**
 * Red Hat and the RPM family (AlmaLinux, Rocky Linux, SUSE, openSUSE, …): `[epoch:]version[-release]`
 * compared part by part with rpmvercmp, as `rpm.labelCompare` does. The epoch is the digits before
 * the first `:` (a colon after non-digits is part of the version); the release follows the last `-`.
 */
export const rpmVersionScheme = defineVersionScheme<RpmVersion>({
  name: 'rpm',
  read: (value) => {
    const colon = value.indexOf(':');
    const hasEpoch = colon !== -1 && /^[0-9]*$/.test(value.slice(0, colon));
    const epoch = hasEpoch ? value.slice(0, colon) || '0' : '0';
    const vr = hasEpoch ? value.slice(colon + 1) : value;
    const hyphen = vr.lastIndexOf('-');
    return hyphen === -1
      ? { epoch, version: vr, release: '' }
      : { epoch, version: vr.slice(0, hyphen), release: vr.slice(hyphen) };
  },
  order: (a, b) =>
    rpmvercmp(a.epoch, b.epoch) || compareParts(a.version, b.version) || compareParts(a.release, b.release),
});

/** An absent part sorts before a present one; otherwise rpmvercmp. */
function compareParts(a: string, b: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? -1 : 1;
  return rpmvercmp(a, b);
}
