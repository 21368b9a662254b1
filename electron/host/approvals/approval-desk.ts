import type { z } from 'zod';
import type { ApiCallRequest } from '../../../protocol/broker.js';
import type { ApiCall, ApiResult } from '../broker/api-proxy.js';
import type { BrokerConnection } from '../broker/broker-server.js';
import type {
  ApprovalOutcome,
  ApprovalRequest,
  HostController,
  PendingApproval,
} from '../host-controller.js';
import { describeForChat } from './chat-question.js';

/** Where the person answered: the chat (elicitation), the window or the command line. */
export type ApprovalChannel = 'in the chat' | 'in the window' | 'on the command line';

type Controller = Pick<HostController, 'requestApproval' | 'respondToApproval'>;

/**
 * "Ask before changes", with every place the person can answer. The controller holds the
 * question (window, notification, `tunebridge approvals`); when the assistant's MCP client can
 * ask in the chat, the question also goes to the bridge that made the call, on that call's id.
 * An answer from a bridge counts only for a question put to that very connection, whose
 * assistant must still be the one that asked.
 */
export class ApprovalDesk {
  private readonly answeredVia = new Map<string, ApprovalChannel>();
  private readonly askedIn = new Map<string, { connectionId: number; assistantId: string }>();

  constructor(
    private readonly deps: {
      controller: Controller;
      proxy: { call(call: ApiCall): Promise<ApiResult> };
    },
  ) {}

  async ask(
    connection: BrokerConnection,
    request: z.infer<typeof ApiCallRequest>,
    approval: ApprovalRequest,
  ): Promise<{ outcome: ApprovalOutcome; via?: ApprovalChannel }> {
    // Names are looked up before the question goes out, so every channel asks at once.
    const question = request.elicitation
      ? await describeForChat(request, approval.assistantName, this.deps.proxy)
      : undefined;
    return this.askWith(connection, request.id, question, approval);
  }

  /**
   * Holds a request (`requestId` on `connection`) for the person's answer; with a `question`,
   * also puts it to that connection's chat.
   */
  async askWith(
    connection: BrokerConnection,
    requestId: number,
    question: string | undefined,
    approval: ApprovalRequest,
  ): Promise<{ outcome: ApprovalOutcome; via?: ApprovalChannel }> {
    let id: string | undefined;
    const outcome = await this.deps.controller.requestApproval(approval, (pending) => {
      id = pending.id;
      if (question !== undefined) this.askInChat(connection, requestId, pending, question);
    });
    const via = id === undefined ? undefined : this.answeredVia.get(id);
    if (id !== undefined) {
      this.answeredVia.delete(id);
      this.askedIn.delete(id);
    }
    // The window answers through the controller directly, so an unlabelled answer came from it.
    const answered = outcome === 'allowed' || outcome === 'denied';
    return { outcome, via: answered ? (via ?? 'in the window') : undefined };
  }

  /** A bridge's answer from the chat; false when it may not answer that question. */
  answerFromChat(connection: BrokerConnection, approvalId: string, allow: boolean): boolean {
    const asked = this.askedIn.get(approvalId);
    const role = connection.role;
    if (!asked || asked.connectionId !== connection.id) return false;
    if (role.kind !== 'assistant' || role.assistantId !== asked.assistantId) return false;
    return this.answer(approvalId, allow, 'in the chat');
  }

  /** The person's answer through the operation table: in the window or on the command line. */
  answerFromPerson(approvalId: string, allow: boolean, from: 'window' | 'command line'): boolean {
    return this.answer(
      approvalId,
      allow,
      from === 'window' ? 'in the window' : 'on the command line',
    );
  }

  private answer(approvalId: string, allow: boolean, via: ApprovalChannel): boolean {
    this.answeredVia.set(approvalId, via);
    const settled = this.deps.controller.respondToApproval(approvalId, allow);
    if (!settled) this.answeredVia.delete(approvalId);
    return settled;
  }

  private askInChat(
    connection: BrokerConnection,
    requestId: number,
    pending: PendingApproval,
    question: string,
  ): void {
    if (connection.closed) return;
    this.askedIn.set(pending.id, { connectionId: connection.id, assistantId: pending.assistantId });
    connection.send({
      type: 'approval.ask',
      id: requestId,
      approvalId: pending.id,
      question,
      expiresAt: pending.expiresAt,
    });
  }
}
