export function findElectronBinary(): string | undefined;
export function electronInstaller(): string | undefined;
