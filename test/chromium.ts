/**
 * How every test and benchmark starts a browser: Debian's Chromium (never a downloaded
 * one), headless, and kept off the network (as root it also needs --no-sandbox).
 */
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-gpu',
  ],
};
