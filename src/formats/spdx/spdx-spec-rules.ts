import type { Diagnostic } from '../../core/app-error.js';
import { arrayOrEmpty, isJsonObject, stringOrUndefined, type JsonObject } from './json-value.js';
import type { SpdxVersionProfile } from './spdx-version-profile.js';

/**
 * Specification rules that the JSON schema cannot express or that real generators break
 * harmlessly; they yield warnings, never errors, so a document's validity is the schema's verdict.
 */
export interface SpdxSpecRule {
  readonly id: string;
  readonly clause: string;
  run(doc: JsonObject, profile: SpdxVersionProfile): Diagnostic[];
}

const warning = (path: string, message: string): Diagnostic => ({ severity: 'warning', path, message });

const packagesOf = (doc: JsonObject): [number, JsonObject][] =>
  arrayOrEmpty(doc['packages']).flatMap((p, i): [number, JsonObject][] => (isJsonObject(p) ? [[i, p]] : []));

// §6.9: every date in a document is `YYYY-MM-DDThh:mm:ssZ`, UTC, no fractions.
const spdxDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const dateFormat: SpdxSpecRule = {
  id: 'date-format',
  clause: 'SPDX 2.3 §6.9, §7.25–7.27, §12.2',
  run(doc) {
    const out: Diagnostic[] = [];
    const check = (value: unknown, path: string): void => {
      if (typeof value === 'string' && !spdxDate.test(value))
        out.push(warning(path, `date "${value}" is not in the SPDX form YYYY-MM-DDThh:mm:ssZ`));
    };
    if (isJsonObject(doc['creationInfo'])) check(doc['creationInfo']['created'], '/creationInfo/created');
    for (const [i, p] of packagesOf(doc))
      for (const field of ['releaseDate', 'builtDate', 'validUntilDate']) check(p[field], `/packages/${i}/${field}`);
    return out;
  },
};

const verificationCode: SpdxSpecRule = {
  id: 'files-analyzed-verification-code',
  clause: 'SPDX 2.3 §7.8, §7.9',
  run(doc) {
    const out: Diagnostic[] = [];
    for (const [i, p] of packagesOf(doc)) {
      // filesAnalyzed defaults to true; an analysed package must carry a verification code, an unanalysed one must not.
      const analysed = p['filesAnalyzed'] !== false;
      const hasCode = p['packageVerificationCode'] !== undefined;
      if (analysed && !hasCode)
        out.push(
          warning(`/packages/${i}`, 'filesAnalyzed is true (or omitted) but packageVerificationCode is missing'),
        );
      if (!analysed && hasCode)
        out.push(
          warning(
            `/packages/${i}/packageVerificationCode`,
            'packageVerificationCode must be omitted when filesAnalyzed is false',
          ),
        );
    }
    return out;
  },
};

// Annex F: the listed reference types per category; OTHER takes any type.
const typesByCategory: Record<string, readonly string[]> = {
  SECURITY: ['cpe22Type', 'cpe23Type', 'advisory', 'fix', 'url', 'swid'],
  'PACKAGE-MANAGER': ['maven-central', 'npm', 'nuget', 'bower', 'purl'],
  'PERSISTENT-ID': ['swh', 'gitoid'],
};

const externalRefTypes: SpdxSpecRule = {
  id: 'external-ref-type',
  clause: 'SPDX 2.3 §7.21, Annex F',
  run(doc) {
    const out: Diagnostic[] = [];
    for (const [i, p] of packagesOf(doc))
      arrayOrEmpty(p['externalRefs']).forEach((ref, j) => {
        if (!isJsonObject(ref)) return;
        const category = stringOrUndefined(ref['referenceCategory'])?.replace('_', '-');
        const type = stringOrUndefined(ref['referenceType']);
        const allowed = category === undefined ? undefined : typesByCategory[category];
        if (allowed && type !== undefined && !allowed.includes(type))
          out.push(
            warning(
              `/packages/${i}/externalRefs/${j}/referenceType`,
              `"${type}" is not a ${category} reference type (${allowed.join(', ')})`,
            ),
          );
      });
    return out;
  },
};

const documentNamespace: SpdxSpecRule = {
  id: 'document-namespace',
  clause: 'SPDX 2.3 §6.5',
  run(doc) {
    const ns = doc['documentNamespace'];
    if (ns === undefined) return [warning('/documentNamespace', 'documentNamespace is mandatory (§6.5)')];
    if (typeof ns === 'string' && ns.includes('#'))
      return [warning('/documentNamespace', 'documentNamespace must not contain "#"')];
    return [];
  },
};

const checksumValues: SpdxSpecRule = {
  id: 'checksum-value',
  clause: 'SPDX 2.3 §7.10',
  run(doc) {
    const out: Diagnostic[] = [];
    for (const [i, p] of packagesOf(doc))
      arrayOrEmpty(p['checksums']).forEach((c, j) => {
        const value = isJsonObject(c) ? stringOrUndefined(c['checksumValue']) : undefined;
        if (value !== undefined && !/^[0-9a-fA-F]+$/.test(value))
          out.push(warning(`/packages/${i}/checksums/${j}/checksumValue`, 'checksum value is not hexadecimal'));
      });
    return out;
  },
};

/** Every warning-level rule, run after the schema. */
export const spdxSpecRules: readonly SpdxSpecRule[] = [
  dateFormat,
  verificationCode,
  externalRefTypes,
  documentNamespace,
  checksumValues,
];
