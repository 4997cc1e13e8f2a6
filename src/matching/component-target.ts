import { Purl } from '../core/purl.js';
import type { Component } from '../core/sbom.js';
import { distroRuleOfPurl, packageKeyOfPurl, type PackageKey } from './package-key.js';

/**
 * An analyst's decision about what a component really is: a purl or a CPE (or both) chosen by
 * hand. It replaces the identity the SBOM gave, because the analyst mapped it precisely when
 * the SBOM's was missing or wrong.
 */
export interface ManualIdentity {
  readonly purl?: string;
  readonly cpe?: string;
  /** Who decided, or why; copied into the evidence. */
  readonly note?: string;
}

/** Manual identities by component ref. */
export type IdentityMapping = ReadonlyMap<string, ManualIdentity>;

/** What one component is matched as: its identity after manual mapping, its key and version. */
export interface ComponentTarget {
  readonly origin: 'sbom' | 'manual';
  readonly note?: string;
  /** The canonical purl when one parsed. */
  readonly purl?: string;
  readonly key?: PackageKey;
  /** The version compared with advisories (the source package's version for distro binaries). */
  readonly version?: string;
  readonly cpe?: string;
  /** What was done to get here, for the evidence (source package used, epoch added, bad purl ignored). */
  readonly notes: readonly string[];
}

/**
 * Resolves the identity to match: the manual mapping when the analyst made one, else the SBOM's
 * purl and CPE. For distribution packages whose advisories are written per source package
 * (Debian, Ubuntu, Alpine), a binary package carrying the purl `upstream` (or `source`) qualifier
 * is keyed by that source package, and compared at the source version when the qualifier gives
 * one (`upstream=util-linux@2.29.2-1+deb9u1`): the binary version can differ (binary epochs,
 * binNMU `+b1`). Without the qualifier the binary name is assumed to be the source name; a
 * binary is never looked up under its own name when the qualifier names another source, since
 * that name can belong to a different source package (`gnupg` from `gnupg2`). RPM advisories
 * (AlmaLinux, Red Hat, SUSE) list binary packages, so RPMs keep their own name; an `epoch`
 * qualifier is written into the version (`2:4.9-8.el9`), as rpm compares it.
 */
export function componentTarget(component: Component, mapping?: IdentityMapping): ComponentTarget {
  const manual = mapping?.get(component.ref);
  const origin = manual === undefined ? 'sbom' : 'manual';
  const purlText = manual === undefined ? component.purl : manual.purl;
  const cpe = manual === undefined ? component.cpe : manual.cpe;
  const notes: string[] = [];
  const base = {
    origin,
    ...(manual?.note === undefined ? {} : { note: manual.note }),
    ...(cpe === undefined ? {} : { cpe }),
  } as const;
  const purl = purlText === undefined ? undefined : Purl.tryParse(purlText);
  if (purlText !== undefined && purl === undefined)
    notes.push(`the purl ${JSON.stringify(purlText)} is not valid and was ignored`);
  if (purl === undefined) {
    return { ...base, ...(component.version === undefined ? {} : { version: component.version }), notes };
  }
  const canonical = Purl.format(purl);
  let version = purl.version ?? component.version;
  let name = purl.name;
  const rule = distroRuleOfPurl(purl);
  if (rule?.bySourcePackage === true) {
    const hint = purl.qualifiers['upstream'] ?? purl.qualifiers['source'];
    const source = hint === undefined ? undefined : /^([^@]+)(?:@(.+))?$/.exec(hint);
    if (source?.[1] !== undefined && source[1] !== purl.name) {
      name = source[1];
      notes.push(
        `looked up as source package ${name} (purl upstream qualifier); ${rule.vendor} advisories name source packages`,
      );
    }
    if (source?.[2] !== undefined && source[2] !== version) {
      notes.push(`compared the source version ${source[2]} instead of the binary version ${version ?? '(none)'}`);
      version = source[2];
    }
  }
  const epoch = purl.qualifiers['epoch'];
  if (purl.type === 'rpm' && epoch !== undefined && version !== undefined && !version.includes(':')) {
    version = `${epoch}:${version}`;
    notes.push(`epoch ${epoch} from the purl qualifier written into the version`);
  }
  const key = packageKeyOfPurl(purl, name);
  if (key === undefined) notes.push(`purl type '${purl.type}' names no ecosystem with advisories by package`);
  return {
    ...base,
    purl: canonical,
    ...(key === undefined ? {} : { key }),
    ...(version === undefined ? {} : { version }),
    notes,
  };
}
