import { secureFetch } from '../electron/host/http/secure-fetch.js';
import { startTestHost } from '../tests/helpers/test-host.js';
import { directAccessToken, time } from './direct-token.js';
import { summarize, type Summary } from './stats.js';

const WARMUP = 50;
const SAMPLES = 500;

export interface OverheadReport {
  direct: Summary;
  broker: Summary;
  /** broker minus direct, at each percentile. */
  overheadP50: number;
  overheadP99: number;
}

/**
 * What the broker adds to one provider call: the same sandbox search, sent straight with a bearer
 * token and sent by a bridge connection through `api.call`, interleaved so both see the same
 * machine load.
 */
export async function measureBrokerOverhead(): Promise<OverheadReport> {
  const env = await startTestHost();
  try {
    await env.login('spotify');
    const bridge = await env.bridge((await env.issueAssistant('bench')).assistantKey);
    const grant = await bridge.request({
      type: 'capability.request',
      provider: 'spotify',
      scopes: [],
    });
    if (grant.type !== 'capability') throw new Error('no capability');

    const spotify = env.sandbox.spotify;
    const accessToken = await directAccessToken(spotify);

    const query = { q: spotify.sampleQuery, type: 'track', limit: '5' };
    const url = `${spotify.apiBaseUrl}/v1/search?${new URLSearchParams(query)}`;
    const direct = async () => {
      const response = await secureFetch(url, {
        headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      });
      await response.json();
    };
    const brokered = async () => {
      await bridge.request({
        type: 'api.call',
        provider: 'spotify',
        capability: grant.token,
        method: 'GET',
        path: '/v1/search',
        query,
      });
    };

    const directSamples: number[] = [];
    const brokerSamples: number[] = [];
    for (let run = 0; run < WARMUP + SAMPLES; run += 1) {
      const directMs = await time(direct);
      const brokerMs = await time(brokered);
      if (run < WARMUP) continue;
      directSamples.push(directMs);
      brokerSamples.push(brokerMs);
    }
    const directSummary = summarize(directSamples);
    const brokerSummary = summarize(brokerSamples);
    return {
      direct: directSummary,
      broker: brokerSummary,
      overheadP50: brokerSummary.p50 - directSummary.p50,
      overheadP99: brokerSummary.p99 - directSummary.p99,
    };
  } finally {
    await env.stop();
  }
}
