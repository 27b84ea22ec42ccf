// A directory search's own input errors (a cursor from another search, a ZIP nobody knows) are
// the caller's: 400 with the search's sentence, never a 500.
import { SearchInputError } from '../../db/queries/directory/searchProviders';
import { badRequest } from './errors';

export const searchErrors = async <T>(fn: () => Promise<T>) => {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof SearchInputError) throw badRequest(e.message);
    throw e;
  }
};
