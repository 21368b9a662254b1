import * as z from 'zod';

/** The window's last size and position, kept in desktop.json. */
export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Where to open the window: the remembered bounds if enough of the title bar still lands on a
 * display (a monitor may have been unplugged since), else the default size, centred by the OS.
 */
export function restoreBounds(
  saved: WindowBounds | undefined,
  displays: readonly DisplayArea[],
): WindowBounds | { width: number; height: number } | undefined {
  if (!saved) return undefined;
  const visible = displays.some(
    (area) =>
      saved.x + 100 > area.x &&
      saved.x < area.x + area.width - 100 &&
      saved.y >= area.y &&
      saved.y < area.y + area.height - 40,
  );
  return visible ? saved : { width: saved.width, height: saved.height };
}
