import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root folder, found by walking up from this module to jointsec's
 * package.json; the same code runs from src/ under tsx and from dist/src/ once built.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'jointsec') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('jointsec package root not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** jointsec's own version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
