export type StartChoice =
  { mode: 'desktop'; binary: string } | { mode: 'download' } | { mode: 'serve'; reason: string };
export function chooseStart(options: {
  binary: string | undefined;
  display: boolean;
  reachable: () => Promise<boolean>;
  forceServe?: boolean;
}): Promise<StartChoice>;
