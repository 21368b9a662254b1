import type { z } from 'zod';
import type { ApiCallRequest } from '../../../protocol/broker.js';
import type { ApiCall, ApiResult } from '../broker/api-proxy.js';
import { findRecorder } from '../receipts/recorders.js';

/** Names shown in the question; the rest are counted. */
const NAMES_SHOWN = 3;

/**
 * The question the chat shows: what will change, how many items, and the first few by name
 * (looked up through the proxy; an id stands in when a lookup fails).
 */
export async function describeForChat(
  request: z.infer<typeof ApiCallRequest>,
  assistantName: string,
  proxy: { call(call: ApiCall): Promise<ApiResult> },
): Promise<string> {
  const found = findRecorder(request);
  const what = found
    ? found.recorder.describe(request, found.params, undefined)
    : `${request.method} ${request.path}`;
  const items = itemsOf(request);
  const names = await Promise.all(
    items.slice(0, NAMES_SHOWN).map((item) => nameOf(request.provider, item, proxy)),
  );
  const more = items.length > NAMES_SHOWN ? ` and ${items.length - NAMES_SHOWN} more` : '';
  const list =
    items.length > 0
      ? ` (${items.length} item${items.length === 1 ? '' : 's'}: ${names.join(', ')}${more})`
      : '';
  return `${assistantName} wants to make a change through TuneBridge: ${what}${list}. Allow it?`;
}

function itemsOf(request: z.infer<typeof ApiCallRequest>): string[] {
  const body =
    typeof request.body === 'object' && request.body !== null
      ? (request.body as Record<string, unknown>)
      : {};
  const fromQuery = request.query?.uris?.split(',');
  if (fromQuery) return fromQuery;
  if (Array.isArray(body.uris)) return body.uris.map(String);
  if (Array.isArray(body.items))
    return body.items.map((item) => String((item as { uri?: unknown }).uri));
  if (Array.isArray(body.data))
    return body.data.map((item) => String((item as { id?: unknown }).id));
  return [];
}

async function nameOf(
  provider: ApiCall['provider'],
  item: string,
  proxy: { call(call: ApiCall): Promise<ApiResult> },
): Promise<string> {
  const safe = item.replace(/[^\w:.-]/g, '').slice(0, 60);
  try {
    if (provider === 'spotify') {
      const match = /^spotify:(track|album):([A-Za-z0-9]{1,40})$/.exec(item);
      if (!match) return safe;
      const answer = await proxy.call({
        provider,
        method: 'GET',
        path: `/v1/${match[1]}s/${match[2]}`,
      });
      const name = (answer.body as { name?: unknown } | undefined)?.name;
      return answer.status === 200 && typeof name === 'string' ? `“${name.slice(0, 80)}”` : safe;
    }
    if (!/^\d{1,12}$/.test(item)) return safe;
    const answer = await proxy.call({
      provider,
      method: 'GET',
      path: `/v2/tracks/${item}`,
      query: { countryCode: 'US' },
    });
    const title = (answer.body as { data?: { attributes?: { title?: unknown } } } | undefined)?.data
      ?.attributes?.title;
    return answer.status === 200 && typeof title === 'string' ? `“${title.slice(0, 80)}”` : safe;
  } catch {
    return safe;
  }
}
