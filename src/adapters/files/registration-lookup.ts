import { matchRegistration } from '../../calls/match-registration.ts';
import type { RegistrationLookup } from '../../ports/call-ports.ts';
import { RegistrationFiles } from './registration-files.ts';

/** Registration lookups over the form exports, read relative to the configuration file's folder. */
export function createRegistrationLookup(baseDir: string): RegistrationLookup {
  const files = new RegistrationFiles({ baseDir });
  return {
    async lookup(vacancy, candidate) {
      if (vacancy.registrations === undefined) return { status: 'none' };
      const state = await files.read(vacancy.registrations);
      if (state.status === 'error') return { status: 'error', error: state.error };
      return { status: 'read', match: matchRegistration(state.rows, candidate) };
    },
  };
}
