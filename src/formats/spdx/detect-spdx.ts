import { AppError } from '../../core/app-error.js';
import type { SbomDocumentKind } from '../../core/sbom-document-kind.js';
import { isJsonObject } from './json-value.js';
import { jsonOf, parsedJsonOf, textOf, type SbomInput } from '../sbom/sbom-text.js';
import { spdxVersionProfile } from './spdx-version-profile.js';

// SPDX 3.0 JSON-LD documents name their context https://spdx.org/rdf/3.0.x/spdx-context.jsonld.
const spdx3Context = /spdx\.org\/rdf\/3\./;

/**
 * Recognizes SPDX 2.2/2.3 JSON and tag-value. Returns undefined for documents that are not
 * SPDX at all, and throws when a document clearly is SPDX but one we cannot read (3.0,
 * 2.0/2.1, or a `spdxVersion` that is not a string), so the user learns why instead of
 * getting "unknown format".
 */
export function detectSpdx(input: SbomInput): SbomDocumentKind | undefined {
  // Already parsed as JSON (the text may have been let go): only an object can be SPDX JSON.
  const parsed = parsedJsonOf(input);
  if (parsed !== undefined) return isJsonObject(parsed.value) ? detectJson(input, '') : undefined;
  const body = textOf(input)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (body.startsWith('{')) return detectJson(input, body);
  return detectTagValue(body);
}

function detectJson(input: SbomInput, body: string): SbomDocumentKind | undefined {
  let doc: unknown;
  try {
    doc = jsonOf(input);
  } catch {
    // Malformed but evidently SPDX 2.x: claim it so the parser reports where the JSON breaks.
    const version = /"spdxVersion"\s*:\s*"SPDX-(2\.[23])"/.exec(body)?.[1];
    return version ? { format: 'spdx', encoding: 'json', specVersion: version } : undefined;
  }
  if (!isJsonObject(doc)) return undefined;
  if (isSpdx3(doc['@context'])) {
    throw new AppError(
      'unsupported-version',
      'SPDX 3.0 is not supported yet; export the SBOM as SPDX 2.3 or CycloneDX',
      {
        location: { path: '/@context' },
      },
    );
  }
  if (!('spdxVersion' in doc)) return undefined;
  return { format: 'spdx', encoding: 'json', specVersion: checkVersion(doc['spdxVersion'], '/spdxVersion') };
}

function isSpdx3(context: unknown): boolean {
  const entries = Array.isArray(context) ? context : [context];
  return entries.some((c) => typeof c === 'string' && spdx3Context.test(c));
}

function detectTagValue(body: string): SbomDocumentKind | undefined {
  for (const [index, raw] of body.split(/\r\n|\n|\r/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^SPDXVersion:\s*(.*)$/.exec(line);
    if (!match) return undefined;
    return { format: 'spdx', encoding: 'tag-value', specVersion: checkVersion(match[1]?.trim(), `line ${index + 1}`) };
  }
  return undefined;
}

/** The `2.x` part of a supported version, or the refusal that explains what is wrong with it. */
function checkVersion(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    throw new AppError(
      'invalid-input',
      `spdxVersion must be a string such as "SPDX-2.3", got ${JSON.stringify(value)} (${typeof value})`,
      {
        location: { path },
      },
    );
  }
  const version = /^SPDX-(\d+\.\d+)$/.exec(value)?.[1];
  if (version && spdxVersionProfile(version)) return version;
  if (version?.startsWith('3.')) {
    throw new AppError(
      'unsupported-version',
      'SPDX 3.0 is not supported yet; export the SBOM as SPDX 2.3 or CycloneDX',
      { location: { path } },
    );
  }
  throw new AppError(
    'unsupported-version',
    `SPDX version "${value}" is not supported; jointsec reads SPDX-2.2 and SPDX-2.3`,
    {
      location: { path },
    },
  );
}
