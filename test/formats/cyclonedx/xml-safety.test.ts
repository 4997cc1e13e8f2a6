import { describe, expect, it } from 'vitest';
import { cycloneDxReader } from '../../../src/formats/cyclonedx/index.js';
import { parseSafeXml } from '../../../src/formats/xml/parse-safe-xml.js';
import { cdxXml, refusal, xml16 } from './cyclonedx-fixture.js';

const component = (name: string): string =>
  `<components><component type="library"><name>${name}</name></component></components>`;

const xxe = `<?xml version="1.0"?>
<!DOCTYPE bom [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6">${component('&xxe;')}</bom>`;

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6">${component('&lol3;')}</bom>`;

describe('XML safety', () => {
  it('refuses an external entity (XXE) before parsing, naming line 2', () => {
    const error = refusal(() => cycloneDxReader.parse(xxe, xml16));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('line 2, column 1');
    expect(error.message).toContain('<!DOCTYPE');
    expect(error.message).not.toContain('root:');
  });

  it('refuses billion laughs', () => {
    const error = refusal(() => cycloneDxReader.parse(billionLaughs, xml16));
    expect(error.code).toBe('invalid-input');
    expect(error.location?.path).toBe('line 2, column 1');
  });

  it('refuses a bare DOCTYPE without internal subset', () => {
    const text = `<?xml version="1.0"?>\n\n<!DOCTYPE bom SYSTEM "http://example.com/bom.dtd">\n${cdxXml('').split('\n').slice(1).join('\n')}`;
    expect(refusal(() => parseSafeXml(text)).location?.path).toBe('line 3, column 1');
  });

  it('refuses an ENTITY declaration even without DOCTYPE and an undefined entity reference', () => {
    expect(refusal(() => parseSafeXml('<a>\n<!ENTITY x "y"></a>')).location?.path).toBe('line 2, column 1');
    const undefinedRef = refusal(() => parseSafeXml('<a>\n  <b>&nbsp;</b></a>'));
    expect(undefinedRef.location?.path).toBe('line 2, column 6');
    expect(undefinedRef.message).toContain('&nbsp;');
  });

  it('rejects DOCTYPE in validate() too, as a diagnostic, without running the schema validator', async () => {
    const diagnostics = await cycloneDxReader.validate(xxe, xml16);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.path).toBe('line 2, column 1');
  });

  it('detects the document as CycloneDX but never reads its DTD', () => {
    expect(cycloneDxReader.detect(xxe)).toEqual(xml16);
  });

  it('decodes the five predefined entities and character references, and keeps CDATA literal', () => {
    const text = cdxXml(
      component('a&lt;b&gt;c&amp;d&apos;e&quot;f &#65;&#x42;') +
        '<properties><property name="p"><![CDATA[<!DOCTYPE x> &amp;]]></property></properties>',
    );
    const root = parseSafeXml(text);
    const name = root.children[0]?.children[0]?.children[0]?.text;
    expect(name).toBe('a<b>c&d\'e"f AB');
    expect(root.children[1]?.children[0]?.text).toBe('<!DOCTYPE x> &amp;');
  });

  it('ignores markup-like text inside comments', () => {
    expect(parseSafeXml('<a><!-- <!DOCTYPE x> &foo; --><b/></a>').children[0]?.name).toBe('b');
  });

  it('refuses a character reference to an illegal XML character', () => {
    expect(refusal(() => parseSafeXml('<a>&#0;</a>')).code).toBe('invalid-input');
  });
});
