import 'reflect-metadata';

import { VNEID_SIM_READY_LINE } from '@hocvu/attestation/testing';
import { ConfigError, loadConfig } from '@hocvu/server-kit';
import { config as loadDotEnv } from 'dotenv';
import { existsSync } from 'node:fs';

import { simulatorOptionsFromConfig } from './config/simulator-options';
import { VneidSimConfig } from './config/vneid-sim-config';
import { startSimulator } from './simulator';

async function main(): Promise<void> {
  if (existsSync('.env')) loadDotEnv({ path: '.env', quiet: true });
  const options = simulatorOptionsFromConfig(loadConfig(VneidSimConfig, process.env));
  const simulator = await startSimulator(options);
  // startVneidSimulatorProcess (and npm start) wait for this line.
  console.log(`${VNEID_SIM_READY_LINE}${simulator.url}`);
  console.log(
    `  issuer ${simulator.issuer} · attestations ${simulator.url}/attestations · admin ${simulator.url}/admin`,
  );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('VNeID simulator did not close cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('VNeID simulator failed to start:', error);
  process.exit(1);
});
