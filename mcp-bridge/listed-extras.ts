import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { PromptDefinition } from './prompts/define-prompt.js';
import type { Removable, ResourceDefinition } from './resources/define-resource.js';
import type { BridgeContext } from './tool-context.js';

type Extra = ResourceDefinition | PromptDefinition;

/**
 * Keeps the SDK server's resources, templates and prompts to those built only on tools the
 * assistant may see. Hidden ones are taken off the server, not just disabled: the SDK (1.x) lists
 * and reads disabled templates. Each change makes the SDK send the matching list_changed.
 */
export function listExtras(
  server: McpServer,
  context: BridgeContext,
  extras: readonly Extra[],
): { show(visibleTools: ReadonlySet<string>): void; isShown(name: string): boolean } {
  const shown = new Map<string, Removable>();
  const show = (visibleTools: ReadonlySet<string>) => {
    for (const extra of extras) {
      const allowed = extra.uses.every((tool) => visibleTools.has(tool.name));
      const handle = shown.get(extra.name);
      if (allowed && !handle) shown.set(extra.name, extra.register(server, context));
      if (!allowed && handle) {
        handle.remove();
        shown.delete(extra.name);
      }
    }
  };
  // Everything once, before the server connects: registering the first completable item is what
  // sets up `completion/complete`, and the SDK allows that only before it connects.
  show(new Set(extras.flatMap((extra) => extra.uses.map((tool) => tool.name))));
  return { show, isShown: (name) => shown.has(name) };
}
