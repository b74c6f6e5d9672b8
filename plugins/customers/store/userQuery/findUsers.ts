import type { Db } from '../../../../src/db/types';
import type { CustomerLookup } from '../../lookup/customerLookup';
import { parseUserQuery } from './parseUserQuery';
import { plainUserQuery } from './plainUserQuery';
import type { UserQueryArgs, UserQueryResult } from './userQueryArgs';

export type UserFinder = (args: UserQueryArgs) => Promise<UserQueryResult>;

/** WP_User_Query: the customers lookup answers when it can, WordPress's own query otherwise (same answer, slower). */
export function createUserFinder(db: Db, lookup: Pick<CustomerLookup, 'answer'>): UserFinder {
  return async (args) => {
    const query = parseUserQuery(args);
    return (await lookup.answer(query)) ?? plainUserQuery(db, query, (sql, params) => db.queryLong(sql, params));
  };
}
