export async function run(): Promise<number> {
  const { runBridge } = await import('../../mcp-bridge/index.js');
  await runBridge();
  // The bridge keeps running on stdin; the exit code applies only once it ends.
  return 0;
}
