// Runs autocannon against one URL and prints its result as JSON. It runs in a
// process of its own so that the load generator does not share the server's event loop.
import autocannon from 'autocannon';

const { url, connections, seconds, cookie } = JSON.parse(process.argv[2] ?? '{}') as {
  url: string;
  connections: number;
  seconds: number;
  cookie?: string;
};

const result = await autocannon({
  url,
  connections,
  pipelining: 1,
  duration: seconds,
  headers: cookie ? { cookie } : {},
});
process.stdout.write(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors,
  }),
);
