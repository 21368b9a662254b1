import { readFile } from 'node:fs/promises';
import { BROKER_PROTOCOL_VERSION } from '../protocol/broker.js';
import { dataDir, hostPaths } from '../protocol/data-folder.js';
import { brokerAddress } from '../broker-client/host-address.js';
import { BrokerClient, BrokerClientError } from '../broker-client/broker-client.js';
import { CliError } from './cli-error.js';

const NOT_RUNNING =
  'TuneBridge is not running. Start it with `npm start` (or `npx tunebridge serve`) in another terminal, then try again.';

/** Opens an authenticated control connection to the running host, as the person's own CLI. */
export async function connectToHost(): Promise<BrokerClient> {
  const paths = hostPaths(dataDir());
  let controlKey: string;
  try {
    controlKey = (await readFile(paths.controlKeyFile, 'utf8')).trim();
  } catch {
    throw new CliError(NOT_RUNNING);
  }
  let client: BrokerClient;
  try {
    client = await BrokerClient.connect(await brokerAddress(paths));
  } catch {
    throw new CliError(NOT_RUNNING);
  }
  try {
    await client.request({ type: 'control.hello', protocol: BROKER_PROTOCOL_VERSION, controlKey });
  } catch (error) {
    client.close();
    throw asCliError(error);
  }
  return client;
}

export function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof BrokerClientError) {
    return new CliError(
      error.code === 'host_unavailable' || error.code === 'connection_closed'
        ? NOT_RUNNING
        : error.message,
    );
  }
  return new CliError(error instanceof Error ? error.message : String(error));
}

/**
 * Runs one command's work on a control connection: host errors become the CLI's sentences, and
 * the connection is closed however the work ends.
 */
export async function withHost<T>(work: (host: BrokerClient) => Promise<T>): Promise<T> {
  const host = await connectToHost();
  try {
    return await work(host);
  } catch (error) {
    throw asCliError(error);
  } finally {
    host.close();
  }
}
