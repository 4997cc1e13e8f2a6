import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycloneDxReader } from '../../src/formats/cyclonedx/index.js';
import { corpusFiles, corpusPath, describeCorpus } from '../support/corpus.js';
import { errorOf as refusal } from '../support/error-of.js';

/** The CycloneDX documents among GUAC's and OSV-Scanner's SBOM test data (see each README). */
const read = (...parts: string[]): string => readFileSync(corpusPath(...parts), 'utf8');

describeCorpus('CycloneDX documents from guac and osv-scanner', () => {
  const good = [
    ...corpusFiles('guac-sbom-vex-testdata', (n) => /cyclonedx|cdx/.test(n) && !n.startsWith('invalid-')),
    ...corpusFiles('osv-scanner-sbom-testdata', (n) => n.includes('.cdx.')),
  ];

  it('finds the documents the READMEs list', () => {
    expect(good.map((f) => basename(f))).toEqual(
      expect.arrayContaining([
        'alpine-cyclonedx.json',
        'cyclonedx-vex.xml',
        'laravel-cyclonedx.xml',
        'postgres-stretch.cdx.xml',
      ]),
    );
    expect(good.length).toBe(27);
  });

  describe('good documents parse', () => {
    for (const file of good) {
      it(basename(file), () => {
        const text = readFileSync(file, 'utf8');
        const kind = cycloneDxReader.detect(text);
        expect(kind?.format).toBe('cyclonedx');
        if (kind !== undefined) expect(cycloneDxReader.parse(text, kind).sbom.format).toBe('cyclonedx');
      });
    }
  });

  it('rejects invalid-cyclonedx.json naming bomFormat', () => {
    const error = refusal(() => cycloneDxReader.detect(read('guac-sbom-vex-testdata', 'invalid-cyclonedx.json')));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('/bomFormat');
    expect(error.message).toContain('"CDX"');
  });

  it('rejects invalid-cyclonedx.xml (a bare XML declaration): not recognized, and no root element', () => {
    const text = read('guac-sbom-vex-testdata', 'invalid-cyclonedx.xml');
    expect(cycloneDxReader.detect(text)).toBeUndefined();
    const error = refusal(() =>
      cycloneDxReader.parse(text, { format: 'cyclonedx', encoding: 'xml', specVersion: '1.4' }),
    );
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(/line 1/);
  });

  it('reads bad-purls.cdx.xml with one warning per malformed purl, keeping the value', () => {
    const text = read('osv-scanner-sbom-testdata', 'bad-purls.cdx.xml');
    const { sbom, warnings } = cycloneDxReader.parse(text, {
      format: 'cyclonedx',
      encoding: 'xml',
      specVersion: '1.4',
    });
    const kept = sbom.components.flatMap((c) => c.properties.filter((p) => p.name === 'jointsec:invalidPurl'));
    expect(kept.map((p) => p.value)).toEqual(expect.arrayContaining(['pkg:pypi/', 'pkg:///', '/']));
    expect(warnings.filter((w) => w.path.endsWith('/purl')).length).toBe(kept.length);
    expect(warnings[0]?.path).toMatch(/^\/bom\/components\/component\[\d+\]\/purl$/);
    expect(sbom.components.some((c) => c.purl?.startsWith('pkg:apk/alpine/') === true)).toBe(true);
  });

  it('reads with-duplicates.cdx.xml: byte-identical repeats are dropped with a warning', () => {
    const text = read('osv-scanner-sbom-testdata', 'with-duplicates.cdx.xml');
    const { sbom, warnings } = cycloneDxReader.parse(text, {
      format: 'cyclonedx',
      encoding: 'xml',
      specVersion: '1.4',
    });
    expect(warnings.filter((w) => w.message.includes('repeats')).length).toBe(2);
    expect(new Set(sbom.components.map((c) => c.ref)).size).toBe(sbom.components.length);
  });
});
