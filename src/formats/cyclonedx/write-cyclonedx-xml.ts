import type { Sbom } from '../../core/sbom.js';
import { escapeXml } from '../xml/escape-xml.js';
import { cycloneDxWriteVersion } from './cyclonedx-version.js';
import type { CdxBom, CdxComponent, CdxMetadata, CdxProperty } from './schema.js';
import { toCycloneDxBom } from './to-cyclonedx-bom.js';

/**
 * CycloneDX 1.6 XML for an SBOM, valid against bom-1.6.xsd. The same BOM as the JSON
 * writer, laid out in the XSD's element order (xs:sequence order is part of validity).
 */
export function writeCycloneDxXml(sbom: Sbom): string {
  const bom = toCycloneDxBom(sbom);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const serial = bom.serialNumber === undefined ? '' : ` serialNumber="${escapeXml(bom.serialNumber)}"`;
  out.push(`<bom xmlns="http://cyclonedx.org/schema/bom/${cycloneDxWriteVersion}"${serial} version="${bom.version}">`);
  writeMetadata(out, bom.metadata);
  out.push('  <components>');
  for (const component of bom.components) writeComponent(out, component, '    ');
  out.push('  </components>');
  writeDependencies(out, bom);
  writeProperties(out, bom.properties, '  ');
  out.push('</bom>');
  return `${out.join('\n')}\n`;
}

/** `<name>text</name>` at an indent, or nothing for an absent value. */
function leaf(out: string[], indent: string, name: string, value: string | undefined): void {
  if (value !== undefined) out.push(`${indent}<${name}>${escapeXml(value)}</${name}>`);
}

/** 1.6 metadata sequence: timestamp, lifecycles, tools, authors, component, … */
function writeMetadata(out: string[], metadata: CdxMetadata): void {
  out.push('  <metadata>');
  leaf(out, '    ', 'timestamp', metadata.timestamp);
  if (metadata.tools !== undefined) {
    out.push('    <tools>', '      <components>');
    for (const tool of metadata.tools.components) writeComponent(out, tool, '        ');
    out.push('      </components>', '    </tools>');
  }
  if (metadata.authors !== undefined) {
    out.push('    <authors>');
    for (const author of metadata.authors) out.push(`      <author><name>${escapeXml(author.name)}</name></author>`);
    out.push('    </authors>');
  }
  if (metadata.component !== undefined) writeComponent(out, metadata.component, '    ', 'component');
  out.push('  </metadata>');
}

/** 1.6 component sequence: supplier, …, group, name, version, description, scope, hashes, licenses, copyright, cpe, purl, …, externalReferences, properties. */
function writeComponent(out: string[], component: CdxComponent, indent: string, element = 'component'): void {
  const ref = component['bom-ref'] === undefined ? '' : ` bom-ref="${escapeXml(component['bom-ref'])}"`;
  out.push(`${indent}<${element} type="${escapeXml(component.type)}"${ref}>`);
  const inner = `${indent}  `;
  if (component.supplier !== undefined)
    out.push(`${inner}<supplier><name>${escapeXml(component.supplier.name)}</name></supplier>`);
  leaf(out, inner, 'group', component.group);
  leaf(out, inner, 'name', component.name);
  leaf(out, inner, 'version', component.version);
  leaf(out, inner, 'description', component.description);
  if (component.hashes !== undefined) {
    out.push(`${inner}<hashes>`);
    for (const h of component.hashes)
      out.push(`${inner}  <hash alg="${escapeXml(h.alg)}">${escapeXml(h.content)}</hash>`);
    out.push(`${inner}</hashes>`);
  }
  if (component.licenses !== undefined) {
    out.push(`${inner}<licenses>`);
    for (const l of component.licenses) leaf(out, `${inner}  `, 'expression', l.expression);
    out.push(`${inner}</licenses>`);
  }
  leaf(out, inner, 'copyright', component.copyright);
  leaf(out, inner, 'cpe', component.cpe);
  leaf(out, inner, 'purl', component.purl);
  if (component.externalReferences !== undefined) {
    out.push(`${inner}<externalReferences>`);
    for (const r of component.externalReferences) {
      const comment = r.comment === undefined ? '' : `<comment>${escapeXml(r.comment)}</comment>`;
      out.push(`${inner}  <reference type="${escapeXml(r.type)}"><url>${escapeXml(r.url)}</url>${comment}</reference>`);
    }
    out.push(`${inner}</externalReferences>`);
  }
  writeProperties(out, component.properties, inner);
  out.push(`${indent}</${element}>`);
}

function writeProperties(out: string[], properties: readonly CdxProperty[] | undefined, indent: string): void {
  if (properties === undefined) return;
  out.push(`${indent}<properties>`);
  for (const p of properties)
    out.push(`${indent}  <property name="${escapeXml(p.name)}">${escapeXml(p.value)}</property>`);
  out.push(`${indent}</properties>`);
}

function writeDependencies(out: string[], bom: CdxBom): void {
  if (bom.dependencies.length === 0) return;
  out.push('  <dependencies>');
  for (const d of bom.dependencies) {
    out.push(`    <dependency ref="${escapeXml(d.ref)}">`);
    for (const target of d.dependsOn) out.push(`      <dependency ref="${escapeXml(target)}"/>`);
    out.push('    </dependency>');
  }
  out.push('  </dependencies>');
}
