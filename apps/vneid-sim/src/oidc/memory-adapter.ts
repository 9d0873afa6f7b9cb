import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch ms; Infinity when the model has no expiry. */
  expiresAt: number;
}

/**
 * oidc-provider's storage for one simulator: sessions, interactions, codes, tokens and grants in a
 * Map, gone on restart. (The library's own memory adapter is shared by every provider in a process and
 * warns at start; this one is per simulator, so parallel test simulators never see each other.)
 */
export function createMemoryAdapterFactory(now: () => number = Date.now): AdapterFactory {
  const entries = new Map<string, Entry>();
  /** Index keys → the entry key they point to (session uid, user code). */
  const indexes = new Map<string, string>();
  /** Grant id → keys of the tokens and codes issued under it (revoked together on code reuse). */
  const grants = new Map<string, Set<string>>();

  const read = (key: string | undefined): AdapterPayload | undefined => {
    if (key === undefined) return undefined;
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  // Expired entries go when read, and in a sweep every 500 writes (a long demo run stays small).
  let writes = 0;
  const sweep = () => {
    const time = now();
    for (const [entryKey, entry] of entries) if (entry.expiresAt <= time) entries.delete(entryKey);
    for (const [indexKey, target] of indexes) if (!entries.has(target)) indexes.delete(indexKey);
    for (const [grantId, members] of grants) {
      for (const member of members) if (!entries.has(member)) members.delete(member);
      if (members.size === 0) grants.delete(grantId);
    }
  };

  return (model: string): Adapter => {
    const key = (id: string) => `${model}:${id}`;
    // The interface is asynchronous (real adapters talk to a database); a Map answers at once.
    return {
      upsert(id, payload, expiresIn) {
        if (++writes % 500 === 0) sweep();
        const expiresAt = typeof expiresIn === 'number' ? now() + expiresIn * 1000 : Infinity;
        entries.set(key(id), { payload, expiresAt });
        if (model === 'Session' && payload.uid) indexes.set(`sessionUid:${payload.uid}`, key(id));
        if (payload.userCode) indexes.set(`userCode:${payload.userCode}`, key(id));
        if (payload.grantId) {
          const members = grants.get(payload.grantId) ?? new Set<string>();
          members.add(key(id));
          grants.set(payload.grantId, members);
        }
        return Promise.resolve();
      },
      find: (id) => Promise.resolve(read(key(id))),
      findByUid: (uid) => Promise.resolve(read(indexes.get(`sessionUid:${uid}`))),
      findByUserCode: (userCode) => Promise.resolve(read(indexes.get(`userCode:${userCode}`))),
      consume(id) {
        const payload = read(key(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
        return Promise.resolve();
      },
      destroy(id) {
        entries.delete(key(id));
        return Promise.resolve();
      },
      revokeByGrantId(grantId) {
        for (const member of grants.get(grantId) ?? []) entries.delete(member);
        grants.delete(grantId);
        return Promise.resolve();
      },
    };
  };
}
