export { startApp, type AppOptions, type RunningApp, type TestUser } from './app.ts';
export {
  ACTION_TIMEOUT_MS,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  SCREENSHOTS_DIR,
  launchBrowser,
  login,
  openPage,
  pageProblems,
  screenshot,
  submit,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from './browser.ts';
export { AccessibilityError, BLOCKING_IMPACTS, WCAG_TAGS, checkAccessibility, formatViolations, type AccessibilityResult, type AxeViolation } from './accessibility.ts';
export { browserSuite, fileBrowser, journeyKinds, type BrowserSuite, type BrowserSuiteOptions } from './suite.ts';
export { focusedElement, tab, type FocusedElement } from './keyboard.ts';
export { sharedPage } from './shared-page.ts';
