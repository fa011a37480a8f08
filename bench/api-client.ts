// Child process of the "who holds power" measure: asks for URLs in a closed loop
// and prints each response time (ms), so the client does not share the server's thread.
// Usage: node --import tsx bench/api-client.ts '{"urls":[...],"connections":1,"seconds":5,"warmUpSeconds":1}'
const { urls, connections, seconds, warmUpSeconds } = JSON.parse(process.argv[2] ?? '{}') as {
  urls: string[];
  connections: number;
  seconds: number;
  warmUpSeconds: number;
};
const latencies: number[] = [];
let failures = 0;
let next = 0;
async function caller(until: number, keep: boolean): Promise<void> {
  while (performance.now() < until) {
    const url = urls[next++ % urls.length] as string;
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!keep) continue;
    if (response.status === 200) latencies.push(performance.now() - started);
    else failures += 1;
  }
}
const warm = performance.now() + warmUpSeconds * 1000;
await Promise.all(Array.from({ length: connections }, () => caller(warm, false)));
const started = performance.now();
await Promise.all(Array.from({ length: connections }, () => caller(started + seconds * 1000, true)));
process.stdout.write(JSON.stringify({ latencies, failures, seconds: (performance.now() - started) / 1000 }));
