/** The app's version, shown to MCP clients and in `tunebridge --version`. */
export const VERSION = '0.1.0';
