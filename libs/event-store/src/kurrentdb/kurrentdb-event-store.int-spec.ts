import { KurrentDbEventStore } from './kurrentdb-event-store';
import { eventStoreContract } from '../testing/event-store-contract';

// jest.config.js runs this file only when EVENTSTORE_CONNECTION_STRING is set: no KurrentDB
// server can be installed on the project's build machines, so CI does not run it (see README).
eventStoreContract('kurrentdb', async () => new KurrentDbEventStore(process.env.EVENTSTORE_CONNECTION_STRING!));
