import type { Diagnostic } from '../../../core/app-error.js';
import { attachAnnotations, type PendingAnnotation, type Target } from './attach-annotations.js';
import { tagValueFail as fail } from './tag-value-fail.js';
import type { JsonObject } from '../json-value.js';
import {
  annotationFields,
  creationInfoFields,
  reviewFields,
  simpleFields,
  type Section,
  type SimpleField,
} from './tag-value-fields.js';
import { tagValueLines, type TagValueLine } from './tag-value-lines.js';

/** A tag-value document converted to the SPDX JSON shape, with where each value came from. */
export interface TagValueDocument {
  readonly doc: JsonObject;
  /** JSON pointer of every value set → the 1-based line it came from. */
  readonly lines: ReadonlyMap<string, number>;
  readonly warnings: readonly Diagnostic[];
}

const sectionStarts: Record<string, Section> = {
  PackageName: 'package',
  FileName: 'file',
  SnippetSPDXID: 'snippet',
  LicenseID: 'license',
};
const sectionLists: Record<Exclude<Section, 'document'>, string> = {
  package: 'packages',
  file: 'files',
  snippet: 'snippets',
  license: 'hasExtractedLicensingInfos',
};
const sectionStartField: Record<Exclude<Section, 'document'>, string> = {
  package: 'name',
  file: 'fileName',
  snippet: 'SPDXID',
  license: 'licenseId',
};

/**
 * Converts an SPDX 2.x tag-value document into the JSON document model, so one schema and one
 * reader serve both encodings. Structured values follow SPDX 2.3 §6.6 (ExternalDocumentRef),
 * §7.9 (verification code), §7.10 (checksums), §7.21 (ExternalRef), §9.3/9.4 (ranges),
 * §11.1 (Relationship) and §12 (annotations, attached to the element named by SPDXREF).
 */
export function readTagValue(text: string): TagValueDocument {
  const doc: JsonObject = {};
  const lines = new Map<string, number>();
  const warnings: Diagnostic[] = [];
  let section: Section = 'document';
  let current: Target = { obj: doc, pointer: '' };
  let lastRef: Target | undefined;
  let lastRelationship: Target | undefined;
  let lastReview: Target | undefined;
  const annotations: PendingAnnotation[] = [];
  const ranges = new Map<JsonObject, { kind: 'offset' | 'lineNumber'; start: number; end: number; line: number }[]>();

  const append = (parent: Target, list: string, item: JsonObject, line: number): Target => {
    const arr = (parent.obj[list] ??= []) as unknown[];
    arr.push(item);
    const pointer = `${parent.pointer}/${list}/${arr.length - 1}`;
    lines.set(pointer, line);
    return { obj: item, pointer };
  };
  const set = (target: Target, spec: SimpleField, entry: TagValueLine): void => {
    if (spec.list) {
      const arr = (target.obj[spec.field] ??= []) as unknown[];
      arr.push(entry.value);
      lines.set(`${target.pointer}/${spec.field}/${arr.length - 1}`, entry.line);
      lines.set(`${target.pointer}/${spec.field}`, lines.get(`${target.pointer}/${spec.field}`) ?? entry.line);
    } else {
      target.obj[spec.field] = entry.value;
      lines.set(`${target.pointer}/${spec.field}`, entry.line);
    }
  };
  const docTarget: Target = { obj: doc, pointer: '' };
  const creationInfo = (): Target => {
    doc['creationInfo'] ??= {};
    return { obj: doc['creationInfo'] as JsonObject, pointer: '/creationInfo' };
  };

  for (const entry of tagValueLines(text)) {
    const { tag, value, line } = entry;
    const startSection = sectionStarts[tag];
    if (startSection && startSection !== 'document') {
      section = startSection;
      current = append(docTarget, sectionLists[startSection], { [sectionStartField[startSection]]: value }, line);
      lines.set(`${current.pointer}/${sectionStartField[startSection]}`, line);
      continue;
    }
    const creation = creationInfoFields[tag];
    if (creation) {
      set(creationInfo(), creation, entry);
      continue;
    }
    const docField = simpleFields.document[tag];
    if (docField) {
      set(docTarget, docField, entry);
      continue;
    }
    switch (tag) {
      case 'SPDXID':
        current.obj['SPDXID'] = value;
        lines.set(`${current.pointer}/SPDXID`, line);
        continue;
      case 'ExternalDocumentRef': {
        const m = /^(\S+)\s+(\S+)\s+([A-Za-z0-9-]+):\s*(\S+)$/.exec(value);
        if (!m) fail(line, 'ExternalDocumentRef must be "DocumentRef-<id> <namespace URI> <algorithm>: <checksum>"');
        append(
          docTarget,
          'externalDocumentRefs',
          { externalDocumentId: m?.[1], spdxDocument: m?.[2], checksum: { algorithm: m?.[3], checksumValue: m?.[4] } },
          line,
        );
        continue;
      }
      case 'Relationship': {
        const parts = value.split(/\s+/);
        if (parts.length !== 3) fail(line, 'Relationship must be "<SPDXID> <TYPE> <SPDXID>"');
        lastRelationship = append(
          docTarget,
          'relationships',
          { spdxElementId: parts[0], relationshipType: parts[1], relatedSpdxElement: parts[2] },
          line,
        );
        continue;
      }
      case 'RelationshipComment':
        if (!lastRelationship) fail(line, 'RelationshipComment without a preceding Relationship');
        else lastRelationship.obj['comment'] = value;
        continue;
      case 'Annotator':
        annotations.push({ obj: { annotator: value }, pointer: '', line });
        continue;
      case 'SPDXREF': {
        const last = annotations.at(-1);
        if (!last) fail(line, 'SPDXREF without a preceding Annotator');
        else last.ref = value;
        continue;
      }
      case 'Reviewer':
        lastReview = append(docTarget, 'revieweds', { reviewer: value }, line);
        continue;
    }
    const annotationField = annotationFields[tag];
    if (annotationField) {
      const last = annotations.at(-1);
      if (!last) fail(line, `${tag} without a preceding Annotator`);
      else last.obj[annotationField.field] = value;
      continue;
    }
    const reviewField = reviewFields[tag];
    if (reviewField) {
      if (!lastReview) fail(line, `${tag} without a preceding Reviewer`);
      else set(lastReview, reviewField, entry);
      continue;
    }
    const field = section === 'document' ? undefined : simpleFields[section][tag];
    if (field) {
      set(current, field, entry);
      continue;
    }
    if (section === 'package' && readPackageTag(entry)) continue;
    if (section === 'file' && tag === 'FileChecksum') {
      append(current, 'checksums', checksum(entry), line);
      continue;
    }
    if (section === 'snippet' && (tag === 'SnippetByteRange' || tag === 'SnippetLineRange')) {
      const m = /^(\d+):(\d+)$/.exec(value);
      if (!m) fail(line, `${tag} must be "<start>:<end>"`);
      const list = ranges.get(current.obj) ?? [];
      list.push({
        kind: tag === 'SnippetByteRange' ? 'offset' : 'lineNumber',
        start: Number(m?.[1]),
        end: Number(m?.[2]),
        line,
      });
      ranges.set(current.obj, list);
      continue;
    }
    const owner =
      (Object.keys(simpleFields) as Section[]).find((s) => simpleFields[s][tag] !== undefined) ??
      (packageOnlyTags.has(tag) ? 'package' : sectionOnlyTags[tag]);
    if (owner) fail(line, `${tag} appears outside a ${owner} section`);
    warnings.push({ severity: 'warning', path: `line ${line}`, message: `unknown tag "${tag}" ignored` });
  }

  function readPackageTag(entry: TagValueLine): boolean {
    const { tag, value, line } = entry;
    switch (tag) {
      case 'FilesAnalyzed':
        if (value !== 'true' && value !== 'false') fail(line, 'FilesAnalyzed must be true or false');
        current.obj['filesAnalyzed'] = value === 'true';
        lines.set(`${current.pointer}/filesAnalyzed`, line);
        return true;
      case 'PackageVerificationCode': {
        const m = /^([0-9a-fA-F]+)\s*(?:\((?:\s*excludes:)?\s*([^)]*)\))?$/.exec(value);
        if (!m) fail(line, 'PackageVerificationCode must be "<sha1> [(excludes: <files>)]"');
        const excluded = (m?.[2] ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        current.obj['packageVerificationCode'] = {
          packageVerificationCodeValue: m?.[1],
          ...(excluded.length > 0 ? { packageVerificationCodeExcludedFiles: excluded } : {}),
        };
        lines.set(`${current.pointer}/packageVerificationCode`, line);
        return true;
      }
      case 'PackageChecksum':
        append(current, 'checksums', checksum(entry), line);
        return true;
      case 'ExternalRef': {
        const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(value);
        if (!m) fail(line, 'ExternalRef must be "<category> <type> <locator>"');
        lastRef = append(
          current,
          'externalRefs',
          { referenceCategory: m?.[1], referenceType: m?.[2], referenceLocator: m?.[3]?.trim() },
          line,
        );
        return true;
      }
      case 'ExternalRefComment':
        if (!lastRef) fail(line, 'ExternalRefComment without a preceding ExternalRef');
        else lastRef.obj['comment'] = value;
        return true;
      case 'PrimaryPackagePurpose':
        // Tag-value spells OPERATING-SYSTEM, the JSON enum OPERATING_SYSTEM (§7.24).
        current.obj['primaryPackagePurpose'] = value.replaceAll('-', '_');
        lines.set(`${current.pointer}/primaryPackagePurpose`, line);
        return true;
      default:
        return false;
    }
  }

  finishSnippets(ranges);
  attachAnnotations({ doc, annotations, lines });
  return { doc, lines, warnings };
}

const sectionOnlyTags: Record<string, Section> = {
  FileChecksum: 'file',
  SnippetByteRange: 'snippet',
  SnippetLineRange: 'snippet',
};
const packageOnlyTags = new Set([
  'FilesAnalyzed',
  'PackageVerificationCode',
  'PackageChecksum',
  'ExternalRef',
  'ExternalRefComment',
  'PrimaryPackagePurpose',
]);

function checksum(entry: TagValueLine): JsonObject {
  const m = /^([A-Za-z0-9-]+):\s*(\S+)$/.exec(entry.value);
  if (!m) fail(entry.line, `${entry.tag} must be "<algorithm>: <hex value>"`);
  return { algorithm: m?.[1], checksumValue: m?.[2] };
}

/** §9.3/§9.4: tag-value gives ranges as `start:end`; JSON as pointer pairs into the snippet's file. */
function finishSnippets(
  ranges: ReadonlyMap<JsonObject, readonly { kind: 'offset' | 'lineNumber'; start: number; end: number }[]>,
): void {
  for (const [snippet, list] of ranges) {
    const reference = snippet['snippetFromFile'];
    snippet['ranges'] = list.map((r) => ({
      startPointer: { reference, [r.kind]: r.start },
      endPointer: { reference, [r.kind]: r.end },
    }));
  }
}
