/**
 * Finds the services the integration tests use. Under CI (CI=true) a missing one fails the run;
 * elsewhere the tests that need it are left out, and this says so.
 */
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = process.env.PATHWAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const engines = ['sqlite'];
  try {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
    engines.push('postgres');
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI at ${url}: ${error.message}`);
    console.warn(`\nPostgreSQL is not reachable at ${url}: the read-model suites run on SQLite only.\n`);
  }
  process.env.PATHWAY_TEST_ENGINES = engines.join(',');

  const brokers = process.env.PATHWAY_TEST_KAFKA_BROKERS ?? '127.0.0.1:9092';
  const [host, port] = brokers.split(',')[0].split(':');
  if (await reachable(host, Number(port))) {
    process.env.PATHWAY_TEST_KAFKA = brokers;
  } else if (process.env.CI === 'true') {
    throw new Error(`Kafka is required in CI at ${brokers} (scripts/kafka-local.sh start)`);
  } else {
    console.warn(`Kafka is not reachable at ${brokers}: the relay suites are left out (scripts/kafka-local.sh start).\n`);
  }
};

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = require('node:net').connect({ host, port, timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
