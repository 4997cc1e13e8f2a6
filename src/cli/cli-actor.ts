import { AppError } from '../core/app-error.js';
import { systemActor, type ServiceContext } from '../services/context.js';
import { findOrganizationByName } from '../services/organizations.js';
import type { CliIo } from './cli-io.js';
import type { GlobalOptions } from './cli-store.js';

type Store = ServiceContext['store'];

/**
 * The CLI is a local admin tool with direct database access, so it acts as the system actor
 * scoped to the organization named by `--org` (or JOINTSEC_ORG): an admin of that
 * organization, and of no other.
 */
export async function actAsOrganization(store: Store, io: CliIo, options: GlobalOptions): Promise<ServiceContext> {
  const name = (options.org ?? io.env.JOINTSEC_ORG ?? '').trim();
  if (name === '') {
    throw new AppError('invalid-input', 'this command needs an organization: pass --org NAME or set JOINTSEC_ORG');
  }
  const organization = await findOrganizationByName({ store, actor: systemActor() }, name);
  if (organization === undefined) {
    throw new AppError(
      'not-found',
      `no organization named "${name}" (create one with: jointsec org create NAME --kind manufacturer|hdo)`,
    );
  }
  return { store, actor: systemActor(organization.id) };
}
