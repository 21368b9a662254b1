import { AsyncEntry, type EntryOptions } from '@napi-rs/keyring';

// Without a pinned store the binding silently falls back, on Linux, from the Secret Service to
// the kernel's keyutils keyring: in memory only (tokens vanish at reboot), and whether it even
// answers depends on which of the process's threads was given a session keyring first, which
// differs between Node releases. A keyring TuneBridge calls "the OS keyring" must keep tokens,
// so on Linux it is the Secret Service or nothing. Other platforms ignore the option.
const OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

// `new AsyncEntry` throws when the pinned store is absent; async functions turn that into a
// rejection, which is how every other keyring failure arrives.
export async function getPassword(service: string, account: string): Promise<string | null> {
  return new AsyncEntry(service, account, OPTIONS).getPassword();
}

export async function setPassword(service: string, account: string, value: string): Promise<void> {
  return new AsyncEntry(service, account, OPTIONS).setPassword(value);
}

export async function deletePassword(service: string, account: string): Promise<boolean> {
  return new AsyncEntry(service, account, OPTIONS).deletePassword();
}
