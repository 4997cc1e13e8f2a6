import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { AppError } from '../../core/app-error.js';

/**
 * A source's downloads of one run, collected under `<cacheDir>/.staging/<key>-<uuid>/` and moved
 * into `<cacheDir>/<key>/` only when every one of them is complete, so the cache never holds part
 * of a run. Staging sits inside the cache so every move is a same-file-system rename.
 */
export class ArtifactStaging {
  private constructor(
    readonly cacheDir: string,
    readonly sourceDir: string,
    private readonly root: string,
  ) {}

  static async open(cacheDir: string, sourceKey: string): Promise<ArtifactStaging> {
    const root = join(cacheDir, '.staging', `${sourceKey}-${randomUUID()}`);
    await mkdir(root, { recursive: true });
    return new ArtifactStaging(cacheDir, join(cacheDir, sourceKey), root);
  }

  /** Where work files that may outlive a failed run (resumable partial downloads) are kept. */
  get partialDir(): string {
    return join(this.cacheDir, '.partial');
  }

  /** The staging path for a file that will end up at `<cacheDir>/<key>/<relative>`. */
  stage(relative: string): string {
    const segments = relative.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes(sep) || s.includes('\\'))) {
      throw new AppError('internal', `unsafe cache path ${relative}`);
    }
    return join(this.root, ...segments);
  }

  /** Where a staged file lands after commit. */
  finalPath(relative: string): string {
    return join(this.sourceDir, ...relative.split('/'));
  }

  /**
   * Moves the staged files named into the source folder, replacing files of the same name. With
   * `replaceAll` the source folder is swapped for the staged one instead, so files of earlier
   * runs disappear (NVD pages are deltas: last run's pages are not this run's).
   */
  async commit(relatives: readonly string[], options: { readonly replaceAll?: boolean } = {}): Promise<void> {
    if (options.replaceAll === true) {
      const retired = join(this.cacheDir, '.staging', `retired-${randomUUID()}`);
      await rename(this.sourceDir, retired).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
      });
      await mkdir(dirname(this.sourceDir), { recursive: true });
      await rename(this.root, this.sourceDir);
      await rm(retired, { recursive: true, force: true });
    } else {
      for (const relative of relatives) {
        const target = this.finalPath(relative);
        await mkdir(dirname(target), { recursive: true });
        await rename(join(this.root, ...relative.split('/')), target);
      }
      await rm(this.root, { recursive: true, force: true });
    }
    await this.#removeEmptyStaging();
  }

  /** Deletes everything this run staged. */
  async discard(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
    await this.#removeEmptyStaging();
  }

  async #removeEmptyStaging(): Promise<void> {
    const staging = join(this.cacheDir, '.staging');
    try {
      if ((await readdir(staging)).length === 0) await rmdir(staging);
    } catch {
      // Another run is using it, or it is gone already.
    }
  }
}
