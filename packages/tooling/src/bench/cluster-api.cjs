// Runs the built API as a Node cluster: the primary forks one API process per argument count and hands
// accepted connections to them in turn. Used by benchmarks to measure the API on more than one core.
//   node cluster-api.cjs <processes> <path to main.js>
const cluster = require('node:cluster');

const [processes, main] = process.argv.slice(2);
if (cluster.isPrimary) {
  for (let i = 0; i < Number(processes); i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers)) worker.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  require(main);
}
