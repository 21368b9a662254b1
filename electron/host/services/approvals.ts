import { randomUUID } from 'node:crypto';
import type { HostDeps, ApprovalRequest, PendingApproval, ApprovalOutcome } from './host-types.js';
import { DEFAULT_APPROVAL_TIMEOUT_MS } from './host-types.js';

/**
 * "Ask me" mode: changes waiting for the person's answer, refused when nobody answers in time
 * or the assistant is paused or revoked meanwhile.
 */
export class ApprovalsService {
  private readonly approvals = new Map<
    string,
    { approval: PendingApproval; settle: (outcome: ApprovalOutcome) => void }
  >();

  constructor(private readonly deps: HostDeps) {
    // A paused or revoked assistant's waiting changes are refused at once.
    deps.events.on('assistant.revoked', (assistantId) => this.withdrawApprovals(assistantId));
    deps.events.on('policy.changed', (assistantId) => {
      const assistant = deps.assistants.get(assistantId);
      if (!assistant || assistant.revokedAt || assistant.policy.paused) {
        this.withdrawApprovals(assistantId);
      }
    });
  }

  /**
   * "Ask me" mode: holds a change until the person answers (`respondToApproval`), and refuses
   * it when they don't answer in time or the assistant is paused or revoked meanwhile.
   * `onPending` hears the question first, so it can also be put in the chat.
   */
  requestApproval(
    request: ApprovalRequest,
    onPending?: (approval: PendingApproval) => void,
  ): Promise<ApprovalOutcome> {
    const id = randomUUID();
    const timeoutMs = this.deps.approvalTimeoutMs ?? DEFAULT_APPROVAL_TIMEOUT_MS;
    const approval: PendingApproval = {
      ...request,
      id,
      expiresAt: new Date(Date.now() + timeoutMs).toISOString(),
    };
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle('timed-out'), timeoutMs);
      const settle = (outcome: ApprovalOutcome) => {
        if (!this.approvals.delete(id)) return;
        clearTimeout(timer);
        resolve(outcome);
        this.deps.events.emit('approval.settled', id, outcome);
      };
      this.approvals.set(id, { approval, settle });
      onPending?.(approval);
      this.deps.events.emit('approval.requested', approval);
    });
  }

  /** The person's answer; false when that question was already settled (answered or timed out). */
  respondToApproval(id: string, allow: boolean): boolean {
    const pending = this.approvals.get(id);
    if (!pending) return false;
    pending.settle(allow ? 'allowed' : 'denied');
    return true;
  }

  pendingApprovals(): PendingApproval[] {
    return [...this.approvals.values()].map(({ approval }) => approval);
  }

  private withdrawApprovals(assistantId: string): void {
    for (const { approval, settle } of [...this.approvals.values()]) {
      if (approval.assistantId === assistantId) settle('withdrawn');
    }
  }
}
