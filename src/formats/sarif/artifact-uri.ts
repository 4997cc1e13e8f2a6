/**
 * The SBOM's file name as a SARIF `artifactLocation.uri` (a URI reference, SARIF §3.4.3):
 * relative names stay relative, with `/` separators, so GitHub code scanning can match them to
 * the repository; absolute paths become `file:` URIs. Undefined for an empty name (stdin, an
 * upload without a name): there is no artifact to point at.
 */
export function artifactUri(fileName: string): string | undefined {
  const name = fileName.trim();
  if (name === '') return undefined;
  if (isUrl(name)) return name;
  const unc = /^[\\/]{2}([^\\/]+)[\\/](.*)$/.exec(name);
  if (unc) return `file://${encodeURIComponent(unc[1] ?? '')}/${encodePath(unc[2] ?? '')}`;
  const drive = /^([a-zA-Z]):[\\/](.*)$/.exec(name);
  if (drive) return `file:///${drive[1] ?? ''}:/${encodePath(drive[2] ?? '')}`;
  if (name.startsWith('/')) return `file:///${encodePath(name.slice(1))}`;
  return encodePath(name.replace(/^(\.[\\/])+/, ''));
}

/** An absolute URL with a real scheme (one letter is a Windows drive, not a scheme). */
function isUrl(name: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(name) && URL.canParse(name);
}

/** Percent-encodes each segment; `\` counts as a separator so Windows-relative paths keep their shape. */
function encodePath(path: string): string {
  return path
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
