// Chromium switches for the render benchmark. Debian's Chromium 156 runs Playwright's headless mode as
// the full browser with its windows hidden, and each new browser context preloads the browser's own
// "top chrome" WebUI pages (the omnibox popup and its AI-mode composebox) in a renderer of their own:
// ≈ 150–250 ms of a 2-core machine's CPU during every cold visit, for a toolbar a headless browser never
// shows. The benchmark switches those four browser features off so it measures the page, not the hidden
// browser UI (BENCH_CHROMIUM_UI=1 keeps them, to measure that difference).
//
// Chromium reads only the last --disable-features, so Playwright's own list (playwright-core 1.65,
// `disabledFeatures` in lib/coreBundle.js) is repeated here before ours.
const playwrightDisabled = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
const browserUi = [
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];

export const keepBrowserUi = process.env.BENCH_CHROMIUM_UI === '1';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  ...(keepBrowserUi ? [] : [`--disable-features=${[...playwrightDisabled, ...browserUi].join(',')}`]),
];
