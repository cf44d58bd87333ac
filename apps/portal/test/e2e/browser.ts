import { type Browser, chromium } from 'playwright-core';

// Debian's packaged Chromium (apt-get install -y chromium); playwright never downloads a browser here.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Flags for a headless run on a CI box: no sandbox (runs as root in containers), no GPU, and no
// background traffic (updates, sync, QUIC) that could slow or flake a test on a closed network.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
