import { describe, expect, it } from 'vitest';
import { artifactUri } from '../../../src/formats/sarif/artifact-uri.js';

describe('artifactUri', () => {
  it.each([
    ['sbom.cdx.json', 'sbom.cdx.json'],
    ['./sboms/pump.cdx.json', 'sboms/pump.cdx.json'],
    ['sboms/pump 4.2.cdx.json', 'sboms/pump%204.2.cdx.json'],
    ['sboms\\win\\pump.json', 'sboms/win/pump.json'],
    ['a:b/c#1.json', 'a%3Ab/c%231.json'],
    ['/home/ci/sbom.json', 'file:///home/ci/sbom.json'],
    ['C:\\Users\\me\\my sbom.json', 'file:///C:/Users/me/my%20sbom.json'],
    ['\\\\server\\share\\sbom.json', 'file://server/share/sbom.json'],
    ['https://example.org/sboms/pump.json', 'https://example.org/sboms/pump.json'],
  ])('%s → %s', (name, uri) => {
    expect(artifactUri(name)).toBe(uri);
  });

  it('has no URI for an empty name', () => {
    expect(artifactUri('')).toBeUndefined();
    expect(artifactUri('  ')).toBeUndefined();
  });
});
