import type { CisaAdpEnrichment } from '../../core/vulnerability-cisa-adp.js';
import type { Vulnerability, VulnerabilityReference } from '../../core/vulnerability.js';
import type { FeedDiagnostic } from '../../core/vulnerability-feed-result.js';
import { readCpeConfigurations } from '../nvd/read-cpe-configurations.js';
import { readCve5Container, type Cve5ContainerView } from './read-cve5-container.js';
import { cve5DescriptionSchema, type Cve5RecordJson } from './cve5-schema.js';

/** The provider short name of CISA's Vulnrichment ADP container. */
const cisaAdpProvider = 'CISA-ADP';

/**
 * Converts one CVE JSON 5.x record into the core model: the CNA container's description,
 * products, problem types, metrics and references, merged with every ADP container's additions
 * (CISA's SSVC, CPEs and CVSS kept apart in `cisaAdp`). `state: REJECTED` → withdrawn.
 */
export function readCve5Record(
  json: Cve5RecordJson,
  pointer: string,
): { record: Vulnerability; warnings: FeedDiagnostic[] } {
  const meta = json.cveMetadata;
  const recordId = meta.cveId;
  const warnings: FeedDiagnostic[] = [];
  const cna = json.containers.cna;
  const views: Cve5ContainerView[] = [
    readCve5Container(cna, { pointer: `${pointer}/containers/cna`, recordId, warnings }),
    ...(json.containers.adp ?? []).map((adp, index) =>
      readCve5Container(adp, { pointer: `${pointer}/containers/adp/${index}`, recordId, warnings }),
    ),
  ];
  const cisa = views.find((view, index) => index > 0 && view.provider === cisaAdpProvider);
  const rejected = meta.state === 'REJECTED';
  const products = views.flatMap((view) => view.products);
  const cpeConfigurations = readCpeConfigurations(cna.cpeApplicability, `${pointer}/containers/cna/cpeApplicability`, {
    recordId,
    warnings,
  });
  const matchable = products.some((p) => p.purl !== undefined || p.cpes.length > 0) || cpeConfigurations.length > 0;
  if (!rejected && !matchable) {
    warnings.push({
      severity: 'warning',
      path: `${pointer}/containers`,
      recordId,
      message: 'no affected product has a purl or a CPE: only vendor/product names can identify it',
    });
  }
  const description = englishDescription(cna.descriptions);
  const knownExploited = views.find((view) => view.knownExploited !== undefined)?.knownExploited;
  const record: Vulnerability = {
    id: recordId,
    aliases: [],
    related: [],
    ...(cna.title === undefined ? {} : { summary: cna.title }),
    ...(description === undefined ? {} : { details: description }),
    ...(meta.datePublished === undefined ? {} : { published: meta.datePublished }),
    ...(meta.dateUpdated === undefined ? {} : { modified: meta.dateUpdated }),
    ...(rejected ? { withdrawn: meta.dateRejected ?? meta.dateUpdated ?? meta.datePublished ?? '' } : {}),
    source: 'cve5',
    sourceUrl: `https://www.cve.org/CVERecord?id=${recordId}`,
    cvss: views.flatMap((view) => view.cvss),
    severityRatings: views.flatMap((view) => view.ratings),
    cwes: [...new Set(views.flatMap((view) => view.cwes))],
    references: uniqueByUrl(views.flatMap((view) => view.references)),
    affected: [],
    affectedProducts: products,
    cpeConfigurations,
    ...(cisa === undefined
      ? {}
      : {
          cisaAdp: enrichment(
            cisa,
            json.containers.adp?.find((a) => a.providerMetadata?.shortName === cisaAdpProvider)?.providerMetadata
              ?.dateUpdated,
          ),
        }),
    ...(knownExploited === undefined ? {} : { knownExploited }),
  };
  return { record, warnings };
}

function enrichment(view: Cve5ContainerView, dateUpdated: string | undefined): CisaAdpEnrichment {
  return {
    ...(view.ssvc === undefined ? {} : { ssvc: view.ssvc }),
    cpes: [...new Set(view.products.flatMap((p) => p.cpes))],
    cvss: view.cvss,
    cwes: view.cwes,
    ...(dateUpdated === undefined ? {} : { dateUpdated }),
  };
}

function englishDescription(list: readonly unknown[] | undefined): string | undefined {
  const texts = (list ?? []).flatMap((item) => {
    const parsed = cve5DescriptionSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  return (texts.find((t) => t.lang?.toLowerCase().startsWith('en') === true) ?? texts[0])?.value;
}

function uniqueByUrl(references: readonly VulnerabilityReference[]): VulnerabilityReference[] {
  const seen = new Map<string, VulnerabilityReference>();
  for (const ref of references) if (!seen.has(ref.url)) seen.set(ref.url, ref);
  return [...seen.values()];
}
