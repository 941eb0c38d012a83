// Smoke test for scripts/kafka-local.sh: proves the local broker does what the app needs from
// Kafka (topic creation, idempotent acks=all produce, consumer-group consume) with kafkajs.
//   scripts/kafka-local.sh start && node scripts/kafka-local-smoke.js; scripts/kafka-local.sh stop
'use strict';
const { Kafka, logLevel } = require('kafkajs');

const broker = `127.0.0.1:${process.env.KAFKA_PORT || 9092}`;
const topic = `smoke-${Date.now()}`;
const kafka = new Kafka({ clientId: 'kafka-local-smoke', brokers: [broker], logLevel: logLevel.WARN });

async function main() {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();

  // idempotent: true makes kafkajs fetch a producer id (InitProducerId) and needs acks=-1.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [1, 2, 3].map((i) => ({ key: `k${i}`, value: `m${i}` })) });
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: `${topic}-group` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got = [];
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out, got ${JSON.stringify(got)}`)), 30000);
    consumer.run({
      eachMessage: async ({ message }) => {
        got.push(message.value.toString());
        if (got.length === 3) { clearTimeout(timer); resolve(); }
      },
    }).catch(reject);
  });
  await consumer.disconnect();
  if (got.join() !== 'm1,m2,m3') throw new Error(`unexpected messages ${got.join()}`);
  console.log(`kafka-local smoke: ok (${broker}, topic ${topic}, consumed ${got.join(' ')})`);
}

main().catch((err) => { console.error('kafka-local smoke: FAILED', err); process.exit(1); });
