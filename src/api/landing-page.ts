import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../services/package-root.js';

/** The static landing page, `public/index.html` of the package (shipped in the npm files). */
export function readLandingPage(): string {
  return readFileSync(join(packageRoot(), 'public', 'index.html'), 'utf8');
}
