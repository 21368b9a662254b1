/**
 * The name an assistant carries until its MCP client says who it is: the window and
 * `tunebridge connect print` send it when the person gave none, and the host then renames the
 * assistant at its bridge's first hello.
 */
export const UNNAMED_ASSISTANT = 'MCP client';
