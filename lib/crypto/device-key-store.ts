import type { EvidenceDb } from '../evidence/db';
import { type DeviceKey, type KeyStore, loadOrCreateDeviceKey } from './device-key';

const stores = new WeakMap<EvidenceDb, KeyStore>();

/** The device key kept in Netra's own database (table `keys`, one row `device`). */
export function deviceKey(db: EvidenceDb): Promise<DeviceKey> {
  let store = stores.get(db);
  if (!store) {
    store = {
      get: () => db.keys.get('device'),
      // add, not put: a key is never replaced; a lost race reads the winner's key back.
      put: async (key) => {
        await db.keys.add(key);
      },
    };
    stores.set(db, store);
  }
  return loadOrCreateDeviceKey(store);
}
