import { z } from 'zod';
import { osvEcosystems } from '../../core/version/ecosystem.js';

/**
 * Our own zod schemas for the OSV format (OSV schema 1.7, `validation/schema.json`, draft
 * 2020-12), written from the specification. Two levels:
 *
 * - `osvStrictSchema` mirrors the official JSON Schema: every type, enum, pattern and
 *   conditional. A record it rejects is not schema-valid OSV. The conformance test checks that
 *   it agrees with the official schema on the corpus and on broken variants.
 * - `osvRecordSchema` is the shape the importer needs to read a record at all (an `id`, arrays
 *   where arrays belong). Real feeds break the strict rules in harmless ways (an unknown id
 *   prefix, a missing `modified`, an abbreviated commit hash); those become warnings.
 */

// OSV schema $defs/timestamp: RFC 3339 date-time in UTC with a `Z` suffix.
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function isCalendarTimestamp(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second <= 60;
}

const timestamp = z
  .string()
  .regex(timestampPattern, 'must be an RFC 3339 UTC timestamp like 2024-01-31T12:00:00Z')
  .refine(isCalendarTimestamp, 'is not a real calendar date and time');

// OSV schema $defs/prefix: the home databases' id prefixes (anchored at the start only).
const idPrefixPattern =
  /^(x_|(ASB-A|PUB-A|ALPINE|ALSA|ALBA|ALEA|AZL|BELL|BIT|CGA|CLEANSTART|CLSA|CURL|CVE|DEBIAN|DHI|DRUPAL|DSA|DLA|ELA|DTSA|ECHO|EEF|FreeBSD|GHSA|GO|GSD|HSEC|JLSEC|KUBE|LBSEC|LSN|MAL|MINI|MGASA|OESA|OSEC|OSV|openSUSE-SU|PHSA|PSF|PYSEC|RHBA|RHEA|RHSA|RLSA|RXSA|RSEC|ROOT|RUSTSEC|SUSE-[SRFO]U|UBUNTU|USN|V8)-)/;

// OSV schema $defs/ecosystemWithSuffix: a defined ecosystem (or GIT), optionally `:suffix`.
const ecosystemPattern = new RegExp(
  `^(${[...osvEcosystems, 'GIT'].map((name) => name.replace(/[.]/g, '\\.')).join('|')})(:.+)?$`,
);

/** Severity `score` patterns by `type` (OSV schema $defs/severity). */
export const osvSeverityScorePatterns: Readonly<Record<'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4', RegExp>> = {
  CVSS_V2:
    /^((AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))\/)*(AV:[NAL]|AC:[LMH]|Au:[MSN]|[CIA]:[NPC]|E:(U|POC|F|H|ND)|RL:(OF|TF|W|U|ND)|RC:(UC|UR|C|ND)|CDP:(N|L|LM|MH|H|ND)|TD:(N|L|M|H|ND)|[CIA]R:(L|M|H|ND))$/,
  CVSS_V3:
    /^CVSS:3[.][01]\/((AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])\/)*(AV:[NALP]|AC:[LH]|PR:[NLH]|UI:[NR]|S:[UC]|[CIA]:[NLH]|E:[XUPFH]|RL:[XOTWU]|RC:[XURC]|[CIA]R:[XLMH]|MAV:[XNALP]|MAC:[XLH]|MPR:[XNLH]|MUI:[XNR]|MS:[XUC]|M[CIA]:[XNLH])$/,
  CVSS_V4:
    /^CVSS:4[.]0\/AV:[NALP]\/AC:[LH]\/AT:[NP]\/PR:[NLH]\/UI:[NPA]\/VC:[HLN]\/VI:[HLN]\/VA:[HLN]\/SC:[HLN]\/SI:[HLN]\/SA:[HLN](\/E:[XAPU])?(\/CR:[XHML])?(\/IR:[XHML])?(\/AR:[XHML])?(\/MAV:[XNALP])?(\/MAC:[XLH])?(\/MAT:[XNP])?(\/MPR:[XNLH])?(\/MUI:[XNPA])?(\/MVC:[XNLH])?(\/MVI:[XNLH])?(\/MVA:[XNLH])?(\/MSC:[XNLH])?(\/MSI:[XNLHS])?(\/MSA:[XNLHS])?(\/S:[XNP])?(\/AU:[XNY])?(\/R:[XAUI])?(\/V:[XDC])?(\/RE:[XLMH])?(\/U:(X|Clear|Green|Amber|Red))?$/,
};

const ubuntuPriorities = ['negligible', 'low', 'medium', 'high', 'critical'];

const jsonObject = z.record(z.string(), z.unknown());
const stringList = z.array(z.string());

const strictSeverity = z
  .array(
    z
      .looseObject({ type: z.enum(['CVSS_V2', 'CVSS_V3', 'CVSS_V4', 'Ubuntu']), score: z.string() })
      .superRefine((entry, ctx) => {
        const ok =
          entry.type === 'Ubuntu'
            ? ubuntuPriorities.includes(entry.score)
            : osvSeverityScorePatterns[entry.type].test(entry.score);
        if (!ok) ctx.addIssue({ code: 'custom', path: ['score'], message: `is not a valid ${entry.type} score` });
      }),
  )
  .nullable();

/** The four event kinds, in schema order. */
export const osvEventKeys = ['introduced', 'fixed', 'last_affected', 'limit'] as const;

// OSV schema: GIT ranges must use full-length commit hashes (or "0").
const fullCommit = /^(0|[a-f0-9]{40}|[a-f0-9]{64})$/;

/** How many of the schema's `oneOf` event alternatives an event object satisfies. */
function eventAlternatives(event: Record<string, unknown>, git: boolean): number {
  return osvEventKeys.filter((key) => {
    const value = event[key];
    return typeof value === 'string' && (!git || fullCommit.test(value));
  }).length;
}

const strictRange = z
  .looseObject({
    type: z.enum(['GIT', 'SEMVER', 'ECOSYSTEM']),
    repo: z.string().optional(),
    events: z.array(jsonObject).min(1),
    database_specific: jsonObject.optional(),
  })
  .superRefine((range, ctx) => {
    range.events.forEach((event, index) => {
      // items.oneOf: exactly one alternative; for GIT the alternatives also require full hashes.
      if (eventAlternatives(event, false) !== 1 || (range.type === 'GIT' && eventAlternatives(event, true) !== 1)) {
        const message =
          range.type === 'GIT' && eventAlternatives(event, false) === 1
            ? 'must name a full-length commit hash (40 or 64 hex digits) or "0"'
            : 'must have exactly one of introduced, fixed, last_affected, limit as a string';
        ctx.addIssue({ code: 'custom', path: ['events', index], message });
      }
    });
    if (!range.events.some((event) => 'introduced' in event)) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: 'must contain an introduced event' });
    }
    if (range.type === 'GIT' && range.repo === undefined) {
      ctx.addIssue({ code: 'custom', path: ['repo'], message: 'is required for GIT ranges' });
    }
    const has = (key: string): boolean => range.events.some((event) => key in event);
    if (has('last_affected') && has('fixed')) {
      ctx.addIssue({ code: 'custom', path: ['events'], message: 'must not mix last_affected and fixed events' });
    }
  });

const strictAffected = z.looseObject({
  package: z
    .looseObject({
      ecosystem: z.string().regex(ecosystemPattern, 'is not an OSV ecosystem name'),
      name: z.string(),
      purl: z.string().optional(),
    })
    .optional(),
  severity: strictSeverity.optional(),
  ranges: z.array(strictRange).optional(),
  versions: stringList.optional(),
  ecosystem_specific: jsonObject.optional(),
  database_specific: jsonObject.optional(),
});

const referenceTypes = [
  'ADVISORY',
  'ARTICLE',
  'DETECTION',
  'DISCUSSION',
  'REPORT',
  'FIX',
  'INTRODUCED',
  'GIT',
  'PACKAGE',
  'EVIDENCE',
  'WEB',
] as const;

// JSON Schema `format: uri` (RFC 3986 §3): a scheme, a colon, then only unreserved, reserved
// and percent-encoded characters (so `<`, `>`, spaces and braces are not allowed).
const uri = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/, 'is not a URI');

/** The official OSV JSON Schema, in zod. */
export const osvStrictSchema = z
  .strictObject({
    schema_version: z.string().optional(),
    id: z.string().regex(idPrefixPattern, 'does not start with a known OSV database prefix'),
    modified: timestamp,
    published: timestamp.optional(),
    withdrawn: timestamp.optional(),
    aliases: stringList.nullable().optional(),
    related: stringList.optional(),
    upstream: stringList.optional(),
    summary: z.string().optional(),
    details: z.string().optional(),
    severity: strictSeverity.optional(),
    affected: z.array(strictAffected).nullable().optional(),
    references: z
      .array(z.looseObject({ type: z.enum(referenceTypes), url: uri }))
      .nullable()
      .optional(),
    credits: z
      .array(
        z.looseObject({
          name: z.string(),
          contact: stringList.optional(),
          type: z
            .enum([
              'FINDER',
              'REPORTER',
              'ANALYST',
              'COORDINATOR',
              'REMEDIATION_DEVELOPER',
              'REMEDIATION_REVIEWER',
              'REMEDIATION_VERIFIER',
              'TOOL',
              'SPONSOR',
              'OTHER',
            ])
            .optional(),
        }),
      )
      .optional(),
    database_specific: jsonObject.optional(),
  })
  .superRefine((record, ctx) => {
    // Top-level allOf: with a record-level severity, per-package severity must be null.
    if (!('severity' in record)) return;
    (record.affected ?? []).forEach((affected, index) => {
      if ('severity' in affected && affected.severity !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['affected', index, 'severity'],
          message: 'must be null when the record has a top-level severity',
        });
      }
    });
  });

/** The minimum shape the importer reads; everything else is checked by the strict schema. */
export const osvRecordSchema = z.looseObject({
  id: z.string().min(1),
  modified: z.string().optional(),
  published: z.string().optional(),
  withdrawn: z.string().optional(),
  aliases: stringList.nullable().optional(),
  related: stringList.nullable().optional(),
  upstream: stringList.nullable().optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  severity: z.array(jsonObject).nullable().optional(),
  affected: z
    .array(
      z.looseObject({
        package: z
          .looseObject({ ecosystem: z.string().min(1), name: z.string().min(1), purl: z.string().optional() })
          .optional(),
        severity: z.array(jsonObject).nullable().optional(),
        ranges: z
          .array(
            z.looseObject({
              type: z.string(),
              repo: z.string().optional(),
              events: z.array(jsonObject),
              database_specific: jsonObject.optional(),
            }),
          )
          .nullable()
          .optional(),
        versions: stringList.nullable().optional(),
        ecosystem_specific: jsonObject.optional(),
        database_specific: jsonObject.optional(),
      }),
    )
    .nullable()
    .optional(),
  references: z
    .array(z.looseObject({ type: z.string().optional(), url: z.string() }))
    .nullable()
    .optional(),
  database_specific: jsonObject.optional(),
});

export type OsvRecordJson = z.infer<typeof osvRecordSchema>;
export type OsvAffectedJson = NonNullable<OsvRecordJson['affected']>[number];
export type OsvRangeJson = NonNullable<OsvAffectedJson['ranges']>[number];
