import type { z } from 'zod';
import { PROVIDER_NAMES, type ProviderId } from '../../protocol/providers.js';
import { ToolError } from './tool-error.js';

/**
 * The provider answered, but not with what was asked for: a body of the wrong shape, or a
 * document without the item it was asked about. The person hears that it was the provider's
 * answer; the audit record gets the detail, which is about structure and never about tokens.
 */
export class UnexpectedAnswer extends ToolError {
  constructor(
    readonly provider: ProviderId,
    what: string,
    readonly detail: string,
  ) {
    const name = PROVIDER_NAMES[provider];
    super(
      'bad_response',
      `${name} answered with something unexpected (${what}), so TuneBridge stopped there. Try again; if it keeps happening, update TuneBridge (the details are in its Activity view).`,
    );
    this.name = 'UnexpectedAnswer';
  }
}

/** One line naming where a zod check failed, e.g. `items.0.track.id: expected string`. */
export function zodDetail(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the answer did not match';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
  return `${where}: ${issue.message}`;
}

/** What the audit record says about a failed tool call: the message, plus any detail. */
export function auditSummary(error: unknown, message: string): string {
  if (error instanceof UnexpectedAnswer) return `${message} Detail: ${error.detail}`.slice(0, 500);
  return message;
}
