import type { SbomDiff } from '../../core/sbom-diff.js';
import type { SbomQualityReport } from '../../core/sbom-quality.js';
import type { SbomValidation } from '../../services/sbom-files.js';
import { renderTable } from '../render-table.js';

const formatNames = { cyclonedx: 'CycloneDX', spdx: 'SPDX' } as const;

/** Human summary of `sbom validate`: a verdict line, then one line per error and warning. */
export function renderValidation(file: string, result: SbomValidation): string {
  const what = `${formatNames[result.format]} ${result.specVersion}`;
  const lines = [
    result.valid ? `${file}: valid ${what}` : `${file}: invalid ${what} (${result.errors.length} error(s))`,
    ...result.errors.map((e) => `  error   ${e.path || '/'}: ${e.message}`),
    ...result.warnings.map((w) => `  warning ${w.path || '/'}: ${w.message}`),
  ];
  return lines.join('\n') + '\n';
}

/** Human table of `sbom quality`: one row per element, then what is missing where. */
export function renderQuality(report: SbomQualityReport, maxMissing = 5): string {
  const rows = report.components.map((c) => [
    c.element,
    c.framework.toUpperCase(),
    `${c.present}/${c.total}`,
    `${Math.round(c.share * 100)}%`,
    missingNames(c.missing, maxMissing),
  ]);
  for (const d of report.document) rows.push([d.element, d.framework.toUpperCase(), d.present ? 'yes' : 'no', '', '']);
  const verdict = `components: ${report.componentCount}   NTIA complete: ${yesNo(report.ntiaComplete)}   FDA complete: ${yesNo(report.fdaComplete)}\n`;
  return renderTable(['ELEMENT', 'FRAMEWORK', 'PRESENT', 'SHARE', 'MISSING IN'], rows) + verdict;
}

/** Human listing of `sbom diff`: `+` added, `-` removed, `~` changed version. */
export function renderDiff(diff: SbomDiff): string {
  const lines = [
    ...diff.added.map((c) => `+ ${c.name} ${c.version ?? ''}${purlSuffix(c.purl)}`.trimEnd()),
    ...diff.removed.map((c) => `- ${c.name} ${c.version ?? ''}${purlSuffix(c.purl)}`.trimEnd()),
    ...diff.changed.map((c) => `~ ${c.name} ${c.from ?? '(none)'} -> ${c.to ?? '(none)'}${purlSuffix(c.purl)}`),
  ];
  const summary = `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed`;
  return [...lines, summary].join('\n') + '\n';
}

function missingNames(missing: readonly { name: string; version: string | null }[], max: number): string {
  const names = missing.slice(0, max).map((m) => (m.version ? `${m.name}@${m.version}` : m.name));
  return missing.length > max ? `${names.join(', ')}, … (+${missing.length - max})` : names.join(', ');
}

function purlSuffix(purl: string | null): string {
  return purl ? `  (${purl})` : '';
}

function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
